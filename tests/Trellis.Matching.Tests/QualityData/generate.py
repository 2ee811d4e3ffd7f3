"""Builds matching-quality.json from the hand-written texts in themes.py.

Structured attributes (time zone, languages, interests, qualities, formats, capacity) are drawn
from one seeded generator with the same distribution for intended and other mentors, so the
intended mentor gets no help from them. Rerun: python3 generate.py
"""
import json, random, uuid
from themes import THEMES, OTHERS, UNAVAILABLE, RELATED

rng = random.Random(20261126)
NS = uuid.UUID("6f1f2c1e-7a1b-4c55-9d1e-3b8c0a5d2e10")
ZONES = ["Europe/London"] * 3 + ["Europe/Berlin"] * 2 + ["Europe/Lisbon", "Europe/Madrid", "America/New_York", "America/New_York",
         "America/Chicago", "America/Los_Angeles", "America/Toronto", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Singapore",
         "Australia/Sydney", "Africa/Lagos", "Africa/Nairobi", "Asia/Tokyo"]
HOURS = [("09:00", "17:00")] * 6 + [("08:00", "16:00"), ("10:00", "18:00"), ("07:00", "15:00"), ("12:00", "20:00")]
OTHER_LANGS = ["es", "fr", "de", "pt", "hi", "zh", "sw", "yo", "it", "nl"]
INTERESTS = ["climbing", "running", "chess", "jazz", "cooking", "gardening", "photography", "hiking", "board games", "cycling",
             "yoga", "science fiction", "football", "painting", "travel", "baking", "birdwatching", "knitting", "podcasts",
             "video games", "swimming", "theatre", "volunteering", "dogs"]
QUALITIES = ["Patient", "Candid", "Encouraging", "Challenging", "Practical", "Strategic", "GoodListener", "WellConnected",
             "Organised", "Trustworthy", "Inspiring", "Reliable"]
FORMATS = ["Video", "Phone", "InPerson", "Messages"]
MOVERS = {("education", "design")}  # mentees who name the field they want to move into


def uid(kind, n):
    return str(uuid.uuid5(NS, f"{kind}-{n:03d}"))


def common():
    start, end = rng.choice(HOURS)
    langs = ["en"] + ([rng.choice(OTHER_LANGS)] if rng.random() < 0.4 else [])
    return {"timeZone": rng.choice(ZONES), "workStart": start, "workEnd": end, "languages": langs,
            "interests": rng.sample(INTERESTS, rng.randint(2, 4))}


def mentor(n, field, headline, bio, topics, years, peer=None, reverse=None, available=True, closed=False):
    capacity = rng.randint(1, 4)
    m = {"id": uid("mentor", n), "field": field, "relatedFields": RELATED.get(field, []), "years": years,
         "skills": topics, "topics": topics, "headline": headline, "bio": bio,
         "qualities": rng.sample(QUALITIES, rng.randint(3, 5)), "formats": rng.sample(FORMATS, rng.randint(2, 4)),
         "openToMentoring": not closed, "capacity": capacity,
         "activeMentees": rng.randint(0, capacity - 1) if available else capacity,
         "hoursPerMonth": rng.randint(2, 10),
         "openToPeer": rng.random() < 0.25 if peer is None else peer,
         "openToReverse": rng.random() < 0.15 if reverse is None else reverse, "blockedIds": []}
    m.update(common())
    return m


mentors, mentees = [], []
for i, (mfield, myears, goals, tfield, headline, bio, topics) in enumerate(THEMES):
    sought, peer, reverse, years = [], None, None, myears + rng.randint(5, 20)
    if "short-form video" in topics:
        sought, reverse, years = ["short-form video"], True, 4
    if "public speaking" in topics:
        sought, peer, years = ["public speaking"], True, myears
    mentors.append(mentor(len(mentors), tfield, headline, bio, topics, years, peer, reverse))
    related = list(RELATED.get(mfield, [])) + ([tfield] if (mfield, tfield) in MOVERS else [])
    mentee = {"id": uid("mentee", i), "field": mfield, "relatedFields": related, "years": myears, "skillsSought": sought,
              "qualitiesSought": rng.sample(QUALITIES, rng.randint(2, 3)), "formatsPreferred": rng.sample(FORMATS, rng.randint(1, 2)),
              "requiresSharedLanguage": rng.random() < 0.5, "blockedIds": [], "goals": goals,
              "intendedMentorIds": [mentors[-1]["id"]]}
    mentee.update(common())
    mentees.append(mentee)

for field, headline, bio, topics in OTHERS:
    mentors.append(mentor(len(mentors), field, headline, bio, topics, rng.randint(3, 30)))
for field, headline, bio, topics, why in UNAVAILABLE:
    mentors.append(mentor(len(mentors), field, headline, bio, topics, rng.randint(10, 25), available=why != "full", closed=why == "closed"))

# A few blocks in both directions, never involving the intended mentor.
others = [m for m in mentors if not any(m["id"] in t["intendedMentorIds"] for t in mentees)]
for mentee in rng.sample(mentees, 6):
    blocked = rng.choice([m for m in others if m["field"] == mentee["field"]] or others)
    if rng.random() < 0.5:
        mentee["blockedIds"].append(blocked["id"])
    else:
        blocked["blockedIds"].append(mentee["id"])

with open("matching-quality.json", "w") as f:
    json.dump({"mentees": mentees, "mentors": mentors}, f, indent=1, ensure_ascii=False)
print(len(mentees), "mentees,", len(mentors), "mentors")
