namespace Trellis.Web.Features.Demo;

/// <summary>
/// Hand-written sentence fragments the generator combines into bios, goals and headlines. Placeholders:
/// {role}, {a role} (with its article), {org}, {city}, {field}, {tenure} ("7 years"), {since} (a year),
/// {specialty}, {skill}, {topic}, {next role}.
/// </summary>
public static class DemoText
{
    /// <summary>Bio openings per career stage (0–2, 3–7, 8–15, 16+ years).</summary>
    public static readonly string[][] Openings =
    [
        ["I'm {a role} at {org}, {tenure} in and still learning something every day.",
         "Fresh out of university and now {a role} at {org} in {city}.",
         "Hi! I'm {a role} based in {city}, pretty new to {field}.",
         "I joined {org} as {a role} {tenure} ago and it's been a steep, good learning curve.",
         "Early-career {role} in {city}.",
         "First proper job: {role} at {org}. So far so good.",
         "I'm at the very start of my career in {field}, working as {a role}."],
        ["I've been working in {field} for {tenure}, currently as {a role} at {org}.",
         "{role} at {org} in {city}.",
         "I'm {a role} with {tenure} of experience, mostly at small, scrappy places.",
         "{tenure} into a career in {field}, and I'm now {a role} at {org}.",
         "Based in {city}, working as {a role}. I've been in {field} since {since}.",
         "I'm {a role} at {org}. I moved around a bit before that, which taught me a lot."],
        ["I've spent {tenure} in {field} and I'm now {a role} at {org}.",
         "{tenure} in {field}, the last few as {role} at {org}.",
         "These days I'm {a role} at {org}, based in {city}.",
         "I've worked in {field} since {since}. Right now I'm {a role} at {org}.",
         "I'm {a role} in {city} with a soft spot for {specialty}.",
         "Somewhere in the middle of my career: {role} at {org}, {tenure} in."],
        ["I've been in {field} for {tenure}, long enough to have seen it reinvent itself a few times.",
         "{role} at {org}. I started in {field} in {since} and I haven't been bored yet.",
         "I'm {a role} at {org} in {city}, after {tenure} in {field}.",
         "Long career in {field} ({tenure}), currently {role} at {org}.",
         "I've done most jobs in {field} at some point; these days I'm {a role}.",
         "After {tenure}, I still really like this work. I'm {a role} at {org}."],
    ];

    /// <summary>What a mentor says about why they mentor, one list per motivation in <c>ProfileInput.MotivationValues</c> order.</summary>
    public static readonly string[][] MentorClosers =
    [
        ["I'd like to leave {field} a bit better than I found it, and mentoring is one way to do that.",
         "A lot of what I know isn't written down anywhere. I'd rather pass it on than take it with me.",
         "At this point in my career I care more about who comes next than about my own next step.",
         "I want the next generation in {field} to have an easier start than I did.",
         "When I retire I'd like to know I helped a few people along the way."],
        ["Someone gave me a lot of their time when I was starting out; this is me passing it on.",
         "I had a great mentor early on and I still think about her advice. Happy to return the favour.",
         "Nobody in my family worked in {field}, so I know how much a friendly guide matters.",
         "I got lucky with the people who helped me. Not everyone does, so here I am.",
         "Giving back a few hours a month is the least I can do."],
        ["I enjoy being asked hard questions. It keeps me sharp.",
         "I like the puzzle of helping someone figure out their next move.",
         "Honestly, I enjoy talking shop, and mentoring is a good excuse.",
         "Bring me your messiest problem. I mean it.",
         "I like being made to explain things I usually do on autopilot."],
        ["I learn as much from the people I mentor as they do from me, probably more.",
         "Mentoring keeps me in touch with how {field} looks to people starting out now.",
         "Every mentee has taught me something about my own blind spots.",
         "Mentoring is how I stay curious.",
         "I'm also very open to reverse mentoring; I have plenty to learn from people newer to {field}."],
        ["I love seeing people realise they were more capable than they thought.",
         "I believe in backing people early, before they have the CV to prove it.",
         "Watching someone I've mentored get the job they wanted is the best part of my year.",
         "Most people are better than they think. I like helping them see it.",
         "Someone once bet on me when they had no reason to. I try to do the same."],
    ];

    public static readonly string[] SeekerClosers =
    [
        "I'm looking for someone a few steps ahead of me who'll be honest with me.",
        "Would love a mentor who has made a similar move.",
        "I'd really value an outside perspective.",
        "If you've been where I am, I'd love to hear from you.",
        "I'm not after anything formal, just someone to talk things through with now and then.",
        "Looking for a mentor who won't just tell me what I want to hear.",
        "Happy to do the work; I just need someone to point me in the right direction.",
        "I'll come prepared, I promise.",
        "Ideally someone who has changed direction at least once.",
        "I'd love to learn from someone who still enjoys this work after many years.",
        "Open to any format; I just want a regular conversation with someone wiser than me.",
        "I'm better with a bit of structure, so a mentor who likes agendas would suit me.",
        "No rush. I'd rather find the right person than any person.",
        "Say hi if any of this sounds familiar!",
        "I know my blind spots are big. I'd like help finding them.",
        "Looking for a mentor. Will bring good questions (and coffee if we're in the same city).",
        "I've never had a mentor before, so be gentle.",
        "If you like talking about careers as much as I do, let's chat.",
    ];

    /// <summary>How a mentor likes to work with people.</summary>
    public static readonly string[] MentorStyles =
    [
        "I'm direct, but kind. I'll ask a lot of questions before I give advice.",
        "I won't tell you what to do; I'll help you work out what you already think.",
        "I'm happiest with a monthly call and the odd message in between.",
        "If you're wrestling with {topic}, I've probably made the mistakes already.",
        "I'm a big believer in writing things down, so expect me to ask for notes.",
        "Whatever we talk about stays between us.",
        "I'm not a career coach, just someone who's been around {field} a while.",
        "I'll happily review a CV, a portfolio or a scary email before you send it.",
        "I'm usually free early mornings my time.",
        "I like mentoring people from outside {field} too; fresh eyes are good for me.",
        "My calendar is busy, but I protect the time I give to mentees.",
        "I prefer to start informally and see if we get on.",
    ];

    /// <summary>A personal story some people add, which makes a bio read like a person.</summary>
    public static readonly string[] Stories =
    [
        "The best advice I ever got was to write down what I want from a job before applying for one.",
        "A few years ago I nearly left {field} altogether; I'm glad I didn't.",
        "I've worked in three countries, and each one changed how I work.",
        "I'm a parent of two, so my time is precious and my patience is well trained.",
        "I took a year out to care for a parent, and it taught me more about priorities than any job.",
        "I failed my first big professional exam and it turned out fine.",
        "I'm dyslexic, which has shaped how I learn and how I explain things.",
        "I switched to a four-day week last year and it's the best decision I've made.",
        "I speak at the odd meetup and get nervous every single time.",
        "I grew up in a small town and still feel a bit like an outsider in {city} sometimes.",
        "I'm the first in my family to go to university, and I think about that a lot.",
        "I've had one truly terrible boss and one brilliant one, and I learned from both.",
    ];

    /// <summary>What a mentee says they bring to the relationship.</summary>
    public static readonly string[] SeekerOffers =
    [
        "What I bring: I'm organised and I'll show up prepared.",
        "I take feedback well (I think!) and I follow through.",
        "I'm a quick learner and good at asking awkward questions.",
        "I'm a bit shy at first and talk a lot once I'm comfortable.",
        "I'll respect your time: short agendas, clear questions.",
        "I've read every career book going; now I'd like to talk to a human.",
        "I keep a journal of what I learn, so nothing you say will be wasted.",
        "I'm happy to help with anything I know in return, even if it's just how TikTok works.",
    ];

    public static readonly string[] BothClosers =
    [
        "I mentor a couple of people and I still have a mentor of my own. I don't think you ever stop needing one.",
        "I'm on both sides here: mentoring people earlier in their careers, and looking for someone further along than me.",
        "Being a mentor made me realise I could use one too.",
        "I help others where I can, and I'm also looking for someone to challenge me.",
        "Mentoring others and being mentored myself: I get something different from each.",
        "I'm open to mentoring, and just as open to being mentored.",
        "Happy to help people a few years behind me, and looking for someone a few years ahead.",
        "Even after all these years I want someone to tell me when I'm kidding myself.",
    ];

    /// <summary>First-person context for mentee goals, per career stage.</summary>
    public static readonly string[][] GoalContexts =
    [
        ["I'm new to all of this.", "I've just started my first job and I'm learning mostly by making mistakes.",
         "I'm at the very beginning of my career.", "I don't really know anyone senior in {field} yet.", "Still figuring out what I'm good at.",
         "I'm the first person in my family to work in {field}, so I'm figuring it out as I go.", "University didn't prepare me for half of this."],
        ["I've got a few years of experience now and I feel a bit stuck.", "Things are going fine, but I want more than fine.",
         "I'm at the point where I need to choose a direction.", "I've been {a role} for a while and I'm wondering what's next.",
         "I'm doing well on paper but I don't feel like I'm growing.", "I changed jobs recently and want to make the most of it."],
        ["I'm mid-career and at a bit of a crossroads.", "I've been doing the same kind of work for a while and I'm ready for a change.",
         "I'm good at my job, but I'm not sure it's the job I want in ten years.", "After {tenure} in {field}, I'm rethinking a few things.",
         "I've got a family, a mortgage and a vague sense that I should be doing more.", "Ten-ish years in, I want to be deliberate about the next ten."],
        ["After a long career I still want to keep learning.", "I'm senior enough that nobody gives me honest feedback any more, which is a problem.",
         "I'm thinking about what the last chapter of my career should look like.", "I've mentored plenty of people, but I'd like a mentor of my own again."],
    ];

    /// <summary>
    /// The same kinds of aims, each said in several different ways, with the career stages (0–3) they suit.
    /// Different people wanting the same thing should not sound alike.
    /// </summary>
    public static readonly (int MinStage, int MaxStage, string[] Phrasings)[] Aims =
    [
        (1, 2, ["I want to get better at leading a team.", "I've just become a manager and I'm making it up as I go.",
                "I'm learning to manage people who used to be my peers, and it's awkward.", "I'd like to lead people without turning into the kind of boss I didn't like."]),
        (1, 3, ["Thinking about going freelance next year.", "I'd like to work for myself eventually.",
                "Going independent is on my mind. How do people find their first clients?", "I'm tempted to start my own thing and I'd like a reality check."]),
        (0, 3, ["I want to speak up more in meetings.", "I'd love to get comfortable presenting to senior people.",
                "Public speaking terrifies me and I'd like it to only scare me a bit.", "I want to feel less like an impostor when I'm the most junior person in the room."]),
        (0, 2, ["I want to negotiate my salary properly next time.", "I've never asked for a raise and I think I should.",
                "I'd like to understand what I'm actually worth in the market."]),
        (0, 3, ["I want a career that doesn't eat all my evenings.", "Work-life balance. I'm bad at it.",
                "I'd like to do good work without working every weekend."]),
        (0, 2, ["I'm hoping to move to another country for work in the next year or two.", "I'd like to work abroad for a while.",
                "Relocating for work is something I keep coming back to."]),
        (1, 3, ["I'm coming back after a long career break and feel rusty.", "I've been on parental leave for a year and I'm nervous about going back.",
                "Returning to work after some time off, and my confidence took a hit."]),
        (0, 2, ["I want to build a network; I barely know anyone outside my company.", "I'd like to meet more people in {field} who aren't my colleagues.",
                "I need to get better at networking without it feeling fake."]),
        (0, 2, ["I want to be promoted, and I'd like someone to tell me honestly what's missing.", "Next step up, ideally within 18 months.",
                "I'm aiming for a promotion this year and want to make a real case for it."]),
        (0, 0, ["Mostly I want to know what good looks like in my first few years.", "I'd like help choosing which skills to focus on first.",
                "I want to get through my first year without burning out."]),
        (2, 3, ["I'd like to move into a more strategic role.", "I want to get onto a board or advisory role eventually.",
                "I'm thinking about a portfolio career: a bit of consulting, some teaching, less of the day job."]),
        (3, 3, ["I'd like a sounding board outside my own organisation.", "I've just stepped into an executive role and want to talk to someone who's done it.",
                "I want to plan my next decade: maybe fewer hours, maybe something new.", "I'd like help letting go of the hands-on work I still love."]),
    ];

    public static readonly string[] GoalWishes =
    [
        "Someone who'll tell me when I'm wrong would be ideal.",
        "A call once a month would be plenty.",
        "Happy to meet early morning or in the evening my time.",
        "I'd love to send the odd piece of work for a critique.",
        "I'd like a mentor who's also just good to talk to.",
        "Reading suggestions welcome!",
        "I prefer messages to calls, at least at first.",
        "Ideally a mentor who has made a move like this themselves.",
        "Honest feedback matters more to me than encouragement.",
        "I can do evenings or weekends.",
        "I'd like someone who can share what they got wrong, not just what went right.",
        "Even a couple of conversations would help.",
        "I learn best by talking things through.",
        "Happy to start informally and see how it goes.",
        "I'd like to set clear goals with my mentor and check in on them every few months.",
        "A mentor in a similar time zone would make things easier.",
        "Not looking for a cheerleader, looking for a sparring partner.",
        "I'm happy to do the reading and the homework.",
    ];

    /// <summary>Headline shapes; the generator falls back to "{role} at {org}" when one runs too long.</summary>
    public static readonly string[] Headlines =
    [
        "{role} at {org}",
        "{role} · {specialty} · {city}",
        "{role}. {tenure} in {field}.",
        "{role} in {city}",
        "{role} | {skill}",
        "{specialty} person. {role} at {org}.",
        "{role}, always learning",
        "{role} · {city}",
        "{specialty} | {role} | {city}",
        "{role} at {org} · {skill}",
        "Curious {role} in {city}",
        "{role}. Mostly {specialty}.",
    ];

    public static readonly string[] MentorHeadlines =
    [
        "{role} · happy to help with {topic}",
        "{role} at {org}. Mentoring on {topic}.",
        "{tenure} in {field}. Ask me about {topic}.",
        "{role}. Happy to pay it forward.",
        "{role} · {specialty} · mentor",
    ];

    public static readonly string[] SeekerHeadlines =
    [
        "Aspiring {next role} | currently {role}",
        "{role} working towards {next role}",
        "{role} at {org}, looking for a mentor",
        "{role}, figuring out what's next",
        "{role} in {city} · open to advice",
    ];

    public static readonly (string Name, string[] Lines)[] Interests =
    [
        ("climbing", ["Outside work I climb, mostly indoors, mostly badly.", "Weekends are for climbing if the weather allows."]),
        ("choir singing", ["I sing in a community choir (tenor, when they let me).", "Tuesday nights are choir nights, non-negotiable."]),
        ("sourdough", ["I've kept the same sourdough starter alive for four years, which is my proudest achievement.", "Ask me about sourdough at your own risk."]),
        ("chess", ["I play a lot of online chess and lose most of it.", "I play chess at a local club on Thursdays."]),
        ("running", ["I run most mornings before work; it's where I do my thinking.", "Slowly training for my first marathon."]),
        ("gardening", ["I have an allotment and grow far too many courgettes.", "Gardening keeps me sane."]),
        ("cycling", ["I cycle everywhere, in every weather.", "Weekend rides are my reset button."]),
        ("photography", ["I take a camera everywhere and mostly photograph buildings.", "Film photography is my current obsession."]),
        ("football", ["Lifelong football fan, which means lifelong disappointment.", "I play five-a-side on Wednesdays."]),
        ("cricket", ["Cricket fan; I'll happily talk about it for hours.", "I still play club cricket in the summer."]),
        ("yoga", ["Yoga most evenings, which helps more than I expected.", "I took up yoga for my back and stayed for my head."]),
        ("board games", ["Our flat has more board games than chairs.", "Board game nights with friends are my favourite kind of evening."]),
        ("crime novels", ["I read a crime novel a week, usually on the train.", "I'm a sucker for Scandinavian crime fiction."]),
        ("hiking", ["Happiest on a long hike with a flask of tea.", "I try to get into the mountains once a month."]),
        ("swimming", ["I swim before work three times a week.", "Open-water swimming year-round, yes even in winter."]),
        ("knitting", ["I knit during video calls (cameras off, don't worry).", "I knit, badly but enthusiastically."]),
        ("cooking", ["I cook for friends every Sunday, usually something from my grandmother's recipes.", "Cooking is my way of switching off."]),
        ("salsa dancing", ["I dance salsa twice a week and it's the best thing I ever signed up for.", "Salsa classes on Fridays."]),
        ("guitar", ["I play guitar in a very average band.", "Learning guitar at 30-something is humbling."]),
        ("piano", ["I started piano lessons again as an adult and love it.", "I play piano, mostly jazz standards, mostly to myself."]),
        ("volunteering", ["I volunteer at a food bank at weekends.", "I volunteer as a reading helper at a local school."]),
        ("birdwatching", ["I'm a keen birdwatcher, binoculars always in my bag.", "Birdwatching, which I swear is more exciting than it sounds."]),
        ("travel", ["I try to visit somewhere new every year.", "Travel when I can; I've lived in three countries so far."]),
        ("learning languages", ["I'm learning Japanese, very slowly.", "Languages are my hobby; I'm on my fourth."]),
        ("pottery", ["I do pottery on Saturday mornings and give everyone wonky mugs.", "Pottery class is my weekly therapy."]),
        ("painting", ["I paint watercolours, mostly landscapes.", "I paint when I need to stop thinking."]),
        ("basketball", ["I play pickup basketball on Sundays.", "Basketball fan and very short player."]),
        ("tennis", ["Tennis twice a week, doubles only.", "I picked up tennis during lockdown and never stopped."]),
        ("films", ["I watch way too many films and keep a spreadsheet of them.", "Film nerd; old westerns especially."]),
        ("video games", ["I still play video games, mostly long RPGs.", "Gamer since childhood, now mostly cosy games."]),
        ("camping", ["Camping with my kids is the highlight of every summer.", "Give me a tent and a lake and I'm happy."]),
        ("science fiction", ["I read science fiction and have strong opinions about it.", "Big science fiction reader."]),
        ("poetry", ["I write poetry that nobody will ever read.", "I go to poetry open mics sometimes."]),
        ("woodworking", ["I build furniture in my garage, slowly.", "Woodworking is my escape from screens."]),
        ("coffee", ["I take coffee far too seriously.", "Home espresso enthusiast."]),
        ("surfing", ["I surf whenever I can get to the coast.", "Learning to surf, which mostly means falling off."]),
        ("badminton", ["Badminton on Monday nights with old friends.", "I play competitive badminton."]),
        ("my dog", ["My dog walks me twice a day.", "Most of my photos are of my dog."]),
        ("baking", ["I bake for the office every Friday.", "Baking is how I relax."]),
        ("podcasts", ["I listen to podcasts on everything from history to economics.", "Podcast addict."]),
    ];

    public static readonly string[] GenericPersonal =
    [
        "Outside work I'm into {interest1} and {interest2}.",
        "When I'm not working: {interest1}, {interest2}, and sleep.",
        "Off the clock it's mostly {interest1}.",
    ];

    public static readonly string[] QualitiesSought =
    [
        "patient", "direct feedback", "good listener", "honest", "been through a career change", "encouraging",
        "practical advice", "challenges my thinking", "experienced in my field", "available once a month", "calm under pressure",
        "well connected", "a sense of humour", "shares their mistakes", "structured", "empathetic", "knows the industry in my region",
        "willing to review my work", "keeps things confidential", "asks good questions",
    ];

    public static readonly string[] QualitiesOffered =
    [
        "patient", "direct feedback", "good listener", "honest", "encouraging", "practical", "structured", "warm", "curious",
        "calm", "challenging when needed", "well connected", "confidential", "shares my own failures", "good at asking questions",
        "realistic", "flexible with time", "happy to review work",
    ];

    public static readonly string[] GeneralTopics =
    [
        "career changes", "salary negotiation", "imposter syndrome", "returning after parental leave", "working across time zones",
        "first-time management", "moving countries for work", "CV and interview prep", "building confidence", "work-life balance",
        "managing up", "dealing with burnout", "public speaking", "networking for introverts",
    ];

    /// <summary>What someone a few years in can offer a peer or a newcomer.</summary>
    public static readonly string[] EarlyTopics =
    [
        "landing your first job", "surviving the first year", "CV and portfolio reviews", "interview practice",
        "learning on the job", "balancing study and work", "getting into the field without connections",
    ];

    public static readonly string[] GeneralSkills =
    [
        "public speaking", "writing", "project management", "facilitation", "coaching", "negotiation", "mentoring", "Excel", "time management",
    ];
}
