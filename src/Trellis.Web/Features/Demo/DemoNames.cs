namespace Trellis.Web.Features.Demo;

/// <summary>A city a demo member lives in: its IANA zone and the languages people there speak.</summary>
public sealed record DemoPlace(string City, string TimeZone, string[] Languages);

/// <summary>Where a name comes from: the given and family names, and the places such people mostly live.
/// <see cref="Weight"/> is how common such names are in the community, relative to the others.</summary>
public sealed record DemoCulture(int Weight, string[] Given, string[] Family, DemoPlace[] Homes);

public static class DemoNames
{
    private static readonly DemoPlace London = new("London", "Europe/London", ["en"]);
    private static readonly DemoPlace Manchester = new("Manchester", "Europe/London", ["en"]);
    private static readonly DemoPlace Edinburgh = new("Edinburgh", "Europe/London", ["en"]);
    private static readonly DemoPlace Dublin = new("Dublin", "Europe/Dublin", ["en"]);
    private static readonly DemoPlace Berlin = new("Berlin", "Europe/Berlin", ["de"]);
    private static readonly DemoPlace Munich = new("Munich", "Europe/Berlin", ["de"]);
    private static readonly DemoPlace Vienna = new("Vienna", "Europe/Vienna", ["de"]);
    private static readonly DemoPlace Zurich = new("Zurich", "Europe/Zurich", ["de"]);
    private static readonly DemoPlace Paris = new("Paris", "Europe/Paris", ["fr"]);
    private static readonly DemoPlace Lyon = new("Lyon", "Europe/Paris", ["fr"]);
    private static readonly DemoPlace Brussels = new("Brussels", "Europe/Brussels", ["fr", "nl"]);
    private static readonly DemoPlace Amsterdam = new("Amsterdam", "Europe/Amsterdam", ["nl"]);
    private static readonly DemoPlace Madrid = new("Madrid", "Europe/Madrid", ["es"]);
    private static readonly DemoPlace Barcelona = new("Barcelona", "Europe/Madrid", ["es", "ca"]);
    private static readonly DemoPlace Lisbon = new("Lisbon", "Europe/Lisbon", ["pt"]);
    private static readonly DemoPlace Milan = new("Milan", "Europe/Rome", ["it"]);
    private static readonly DemoPlace Rome = new("Rome", "Europe/Rome", ["it"]);
    private static readonly DemoPlace Warsaw = new("Warsaw", "Europe/Warsaw", ["pl"]);
    private static readonly DemoPlace Krakow = new("Kraków", "Europe/Warsaw", ["pl"]);
    private static readonly DemoPlace Stockholm = new("Stockholm", "Europe/Stockholm", ["sv"]);
    private static readonly DemoPlace Oslo = new("Oslo", "Europe/Oslo", ["nb"]);
    private static readonly DemoPlace Copenhagen = new("Copenhagen", "Europe/Copenhagen", ["da"]);
    private static readonly DemoPlace Helsinki = new("Helsinki", "Europe/Helsinki", ["fi", "sv"]);
    private static readonly DemoPlace Istanbul = new("Istanbul", "Europe/Istanbul", ["tr"]);
    private static readonly DemoPlace NewYork = new("New York", "America/New_York", ["en"]);
    private static readonly DemoPlace Boston = new("Boston", "America/New_York", ["en"]);
    private static readonly DemoPlace Atlanta = new("Atlanta", "America/New_York", ["en"]);
    private static readonly DemoPlace Chicago = new("Chicago", "America/Chicago", ["en"]);
    private static readonly DemoPlace Houston = new("Houston", "America/Chicago", ["en", "es"]);
    private static readonly DemoPlace Denver = new("Denver", "America/Denver", ["en"]);
    private static readonly DemoPlace LosAngeles = new("Los Angeles", "America/Los_Angeles", ["en", "es"]);
    private static readonly DemoPlace Seattle = new("Seattle", "America/Los_Angeles", ["en"]);
    private static readonly DemoPlace Toronto = new("Toronto", "America/Toronto", ["en"]);
    private static readonly DemoPlace Montreal = new("Montréal", "America/Toronto", ["fr", "en"]);
    private static readonly DemoPlace Vancouver = new("Vancouver", "America/Vancouver", ["en"]);
    private static readonly DemoPlace MexicoCity = new("Mexico City", "America/Mexico_City", ["es"]);
    private static readonly DemoPlace Guadalajara = new("Guadalajara", "America/Mexico_City", ["es"]);
    private static readonly DemoPlace Bogota = new("Bogotá", "America/Bogota", ["es"]);
    private static readonly DemoPlace Medellin = new("Medellín", "America/Bogota", ["es"]);
    private static readonly DemoPlace Lima = new("Lima", "America/Lima", ["es"]);
    private static readonly DemoPlace Santiago = new("Santiago", "America/Santiago", ["es"]);
    private static readonly DemoPlace BuenosAires = new("Buenos Aires", "America/Argentina/Buenos_Aires", ["es"]);
    private static readonly DemoPlace SaoPaulo = new("São Paulo", "America/Sao_Paulo", ["pt"]);
    private static readonly DemoPlace Recife = new("Recife", "America/Recife", ["pt"]);
    private static readonly DemoPlace Lagos = new("Lagos", "Africa/Lagos", ["en", "yo"]);
    private static readonly DemoPlace Abuja = new("Abuja", "Africa/Lagos", ["en", "ha"]);
    private static readonly DemoPlace Enugu = new("Enugu", "Africa/Lagos", ["en", "ig"]);
    private static readonly DemoPlace Accra = new("Accra", "Africa/Accra", ["en"]);
    private static readonly DemoPlace Nairobi = new("Nairobi", "Africa/Nairobi", ["en", "sw"]);
    private static readonly DemoPlace Kampala = new("Kampala", "Africa/Kampala", ["en", "sw"]);
    private static readonly DemoPlace AddisAbaba = new("Addis Ababa", "Africa/Addis_Ababa", ["am", "en"]);
    private static readonly DemoPlace Johannesburg = new("Johannesburg", "Africa/Johannesburg", ["en", "zu"]);
    private static readonly DemoPlace CapeTown = new("Cape Town", "Africa/Johannesburg", ["en", "af", "xh"]);
    private static readonly DemoPlace Cairo = new("Cairo", "Africa/Cairo", ["ar"]);
    private static readonly DemoPlace Casablanca = new("Casablanca", "Africa/Casablanca", ["ar", "fr"]);
    private static readonly DemoPlace Dubai = new("Dubai", "Asia/Dubai", ["ar", "en"]);
    private static readonly DemoPlace Riyadh = new("Riyadh", "Asia/Riyadh", ["ar"]);
    private static readonly DemoPlace Amman = new("Amman", "Asia/Amman", ["ar"]);
    private static readonly DemoPlace Beirut = new("Beirut", "Asia/Beirut", ["ar", "fr"]);
    private static readonly DemoPlace Tehran = new("Tehran", "Asia/Tehran", ["fa"]);
    private static readonly DemoPlace TelAviv = new("Tel Aviv", "Asia/Jerusalem", ["he"]);
    private static readonly DemoPlace Bengaluru = new("Bengaluru", "Asia/Kolkata", ["en", "hi", "kn"]);
    private static readonly DemoPlace Mumbai = new("Mumbai", "Asia/Kolkata", ["en", "hi", "mr"]);
    private static readonly DemoPlace Pune = new("Pune", "Asia/Kolkata", ["en", "hi", "mr"]);
    private static readonly DemoPlace Delhi = new("Delhi", "Asia/Kolkata", ["en", "hi"]);
    private static readonly DemoPlace Chennai = new("Chennai", "Asia/Kolkata", ["en", "ta"]);
    private static readonly DemoPlace Hyderabad = new("Hyderabad", "Asia/Kolkata", ["en", "te", "hi"]);
    private static readonly DemoPlace Kolkata = new("Kolkata", "Asia/Kolkata", ["en", "bn", "hi"]);
    private static readonly DemoPlace Karachi = new("Karachi", "Asia/Karachi", ["ur", "en"]);
    private static readonly DemoPlace Lahore = new("Lahore", "Asia/Karachi", ["ur", "pa", "en"]);
    private static readonly DemoPlace Dhaka = new("Dhaka", "Asia/Dhaka", ["bn", "en"]);
    private static readonly DemoPlace Colombo = new("Colombo", "Asia/Colombo", ["si", "ta", "en"]);
    private static readonly DemoPlace Singapore = new("Singapore", "Asia/Singapore", ["en", "zh", "ms"]);
    private static readonly DemoPlace Shanghai = new("Shanghai", "Asia/Shanghai", ["zh"]);
    private static readonly DemoPlace Shenzhen = new("Shenzhen", "Asia/Shanghai", ["zh"]);
    private static readonly DemoPlace HongKong = new("Hong Kong", "Asia/Hong_Kong", ["zh", "en"]);
    private static readonly DemoPlace Taipei = new("Taipei", "Asia/Taipei", ["zh"]);
    private static readonly DemoPlace Tokyo = new("Tokyo", "Asia/Tokyo", ["ja"]);
    private static readonly DemoPlace Osaka = new("Osaka", "Asia/Tokyo", ["ja"]);
    private static readonly DemoPlace Seoul = new("Seoul", "Asia/Seoul", ["ko"]);
    private static readonly DemoPlace HoChiMinh = new("Ho Chi Minh City", "Asia/Ho_Chi_Minh", ["vi"]);
    private static readonly DemoPlace Hanoi = new("Hanoi", "Asia/Ho_Chi_Minh", ["vi"]);
    private static readonly DemoPlace Manila = new("Manila", "Asia/Manila", ["en"]);
    private static readonly DemoPlace Jakarta = new("Jakarta", "Asia/Jakarta", ["id"]);
    private static readonly DemoPlace Sydney = new("Sydney", "Australia/Sydney", ["en"]);
    private static readonly DemoPlace Melbourne = new("Melbourne", "Australia/Melbourne", ["en"]);
    private static readonly DemoPlace Brisbane = new("Brisbane", "Australia/Brisbane", ["en"]);
    private static readonly DemoPlace Auckland = new("Auckland", "Pacific/Auckland", ["en"]);

    /// <summary>Cities people move to from everywhere; a share of members live in one of these, far from their name's origin.</summary>
    public static readonly DemoPlace[] Hubs =
        [London, Berlin, Amsterdam, Dublin, Paris, NewYork, Toronto, Seattle, Chicago, Dubai, Singapore, Sydney, Melbourne, Stockholm, LosAngeles];

    public static readonly DemoCulture[] Cultures =
    [
        new(4, ["Oliver", "Amelia", "Harry", "Charlotte", "George", "Sophie", "Jack", "Emily", "Thomas", "Hannah", "Callum", "Niamh", "Rhys", "Fiona", "Liam", "Aoife"],
            ["Smith", "Walker", "Thompson", "Hughes", "Edwards", "Clarke", "Murphy", "O'Brien", "Campbell", "MacLeod", "Evans", "Kelly", "Fletcher", "Doyle"],
            [London, London, Manchester, Edinburgh, Dublin]),
        new(3, ["Lukas", "Lena", "Jonas", "Hannah", "Felix", "Marie", "Tobias", "Anna", "Moritz", "Katrin", "Jürgen", "Sabine"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Krüger", "Wagner", "Huber", "Gruber"],
            [Berlin, Berlin, Munich, Vienna, Zurich]),
        new(3, ["Camille", "Louis", "Chloé", "Hugo", "Manon", "Antoine", "Léa", "Julien", "Élodie", "Mathieu", "Inès"],
            ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Mercier"],
            [Paris, Paris, Lyon, Brussels, Montreal]),
        new(3, ["Lucía", "Javier", "Carmen", "Pablo", "Marta", "Alejandro", "Nuria", "Sergio", "Laia", "Jordi"],
            ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Puig", "Ortega", "Castillo"],
            [Madrid, Madrid, Barcelona]),
        new(2, ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Martina", "Davide"],
            ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Conti"],
            [Milan, Rome, Milan]),
        new(2, ["Łukasz", "Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Michał", "Zofia"],
            ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek", "Dudek", "Wróbel"],
            [Warsaw, Krakow]),
        new(2, ["Sanne", "Daan", "Femke", "Bram", "Lotte", "Joris"], ["de Vries", "Jansen", "Bakker", "Visser", "van Dijk"], [Amsterdam, Amsterdam, Brussels]),
        new(2, ["Erik", "Ingrid", "Sigrid", "Lars", "Astrid", "Mikkel", "Freja"], ["Johansson", "Lindqvist", "Andersen", "Nielsen", "Hansen", "Berg"], [Stockholm, Oslo, Copenhagen]),
        new(1, ["Aino", "Mikko", "Johanna", "Eero"], ["Virtanen", "Korhonen", "Mäkinen", "Laine"], [Helsinki]),
        new(3, ["Ana", "João", "Beatriz", "Rafael", "Juliana", "Thiago", "Fernanda", "Gustavo", "Larissa", "Rodrigo", "Camila", "Inês"],
            ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Almeida", "Ferreira", "Carvalho", "Ribeiro", "Barbosa"],
            [SaoPaulo, SaoPaulo, Recife, Lisbon]),
        new(4, ["Sofía", "Diego", "Valentina", "Mateo", "Ximena", "Andrés", "Daniela", "Carlos", "Mariana", "Luis", "Gabriela", "Emiliano", "Paula", "Joaquín"],
            ["Hernández", "González", "Rodríguez", "Ramírez", "Flores", "Torres", "Vargas", "Morales", "Reyes", "Gutiérrez", "Rojas", "Mendoza", "Quispe"],
            [MexicoCity, MexicoCity, Guadalajara, Bogota, Medellin, Lima, Santiago, BuenosAires, Houston, LosAngeles]),
        new(5, ["Emma", "Michael", "Olivia", "James", "Madison", "Tyler", "Rachel", "Ethan", "Jasmine", "Marcus", "Brittany", "Kevin", "Alyssa", "Connor"],
            ["Johnson", "Williams", "Brown", "Miller", "Davis", "Anderson", "Taylor", "Jackson", "Harris", "Robinson", "Cooper", "Bennett", "Price"],
            [NewYork, Boston, Atlanta, Chicago, Denver, LosAngeles, Seattle, Toronto, Vancouver]),
        new(4, ["Chinedu", "Ngozi", "Adebayo", "Funmilayo", "Tunde", "Chiamaka", "Emeka", "Aisha", "Oluwaseun", "Zainab", "Ifeoma", "Babajide"],
            ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Bello", "Nwosu", "Ogunleye", "Abubakar", "Olatunji", "Nnamdi"],
            [Lagos, Lagos, Abuja, Enugu, London]),
        new(2, ["Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Efua", "Abena"], ["Mensah", "Boateng", "Owusu", "Asante", "Appiah"], [Accra]),
        new(2, ["Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Brian", "Faith", "Grace"], ["Kariuki", "Odhiambo", "Mwangi", "Wambui", "Mutua", "Nakato", "Ochieng"], [Nairobi, Nairobi, Kampala]),
        new(2, ["Thandiwe", "Sipho", "Lerato", "Thabo", "Naledi", "Mandla", "Zanele"], ["Dlamini", "Nkosi", "Mokoena", "Khumalo", "Ndlovu"], [Johannesburg, CapeTown]),
        new(1, ["Pieter", "Anri", "Charl", "Marike"], ["Botha", "van der Merwe", "Pretorius", "du Toit"], [CapeTown, Johannesburg]),
        new(1, ["Selam", "Dawit", "Hana", "Yonas", "Meron"], ["Tesfaye", "Bekele", "Haile", "Girma"], [AddisAbaba]),
        new(4, ["Omar", "Layla", "Youssef", "Nour", "Karim", "Rania", "Ahmed", "Mariam", "Tariq", "Salma", "Hassan", "Yasmin", "Khalid", "Dina"],
            ["Haddad", "Khalil", "Mansour", "El-Sayed", "Nasser", "Farouk", "Aziz", "Hamdan", "Saleh", "Bensaid", "Khoury"],
            [Cairo, Dubai, Riyadh, Amman, Beirut, Casablanca]),
        new(1, ["Reza", "Shirin", "Dariush", "Parisa", "Arash", "Leyla"], ["Hosseini", "Karimi", "Rahimi", "Tehrani"], [Tehran]),
        new(2, ["Emre", "Elif", "Mert", "Zeynep", "Burak", "Ayşe"], ["Yılmaz", "Demir", "Şahin", "Aydın", "Çelik"], [Istanbul, Istanbul, Berlin]),
        new(1, ["Noa", "Yael", "Itai", "Omer", "Tamar"], ["Levi", "Cohen", "Mizrahi", "Friedman"], [TelAviv]),
        new(5, ["Priya", "Arjun", "Ananya", "Rohan", "Divya", "Vikram", "Kavya", "Aditya", "Meera", "Rahul", "Sneha", "Karthik", "Lakshmi", "Nikhil", "Pooja", "Siddharth"],
            ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Krishnan", "Desai", "Banerjee", "Rao", "Chatterjee", "Kulkarni", "Singh"],
            [Bengaluru, Bengaluru, Mumbai, Pune, Delhi, Chennai, Hyderabad, Kolkata]),
        new(2, ["Ayesha", "Bilal", "Fatima", "Usman", "Hira", "Imran", "Sana"], ["Khan", "Qureshi", "Malik", "Chaudhry", "Siddiqui"], [Karachi, Lahore]),
        new(2, ["Nusrat", "Tanvir", "Sadia", "Farhan", "Rupa", "Arif"], ["Rahman", "Hossain", "Islam", "Chowdhury", "Akter"], [Dhaka]),
        new(1, ["Dilani", "Kasun", "Nimali", "Ruwan"], ["Perera", "Fernando", "Jayasinghe", "Wickramasinghe"], [Colombo]),
        new(4, ["Wei", "Xinyi", "Hao", "Mei", "Jun", "Yuting", "Zhiwei", "Lina", "Chen", "Jia", "Kai", "Xiaoling"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhou", "Wu", "Lin", "Tan", "Lim"],
            [Shanghai, Shenzhen, HongKong, Taipei, Singapore, Singapore]),
        new(2, ["Yui", "Haruto", "Sakura", "Ren", "Aoi", "Takumi", "Miho", "Kenji"], ["Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe", "Yamamoto", "Nakamura"], [Tokyo, Tokyo, Osaka]),
        new(2, ["Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Ha-eun", "Do-yun"], ["Kim", "Park", "Choi", "Jeong", "Kang", "Yoon"], [Seoul]),
        new(1, ["Linh", "Minh", "Thảo", "Quang", "Mai", "Tuấn"], ["Nguyen", "Tran", "Pham", "Le", "Vo"], [HoChiMinh, Hanoi]),
        new(2, ["Andrea", "Paolo", "Kristine", "Joshua", "Maricel", "Jerome"], ["Santos", "Reyes", "Bautista", "Dela Cruz", "Villanueva"], [Manila]),
        new(2, ["Putri", "Budi", "Dewi", "Rizky", "Ayu"], ["Wijaya", "Pratama", "Hidayat", "Saputra", "Kusuma"], [Jakarta]),
        new(2, ["Chloe", "Mitchell", "Isla", "Lachlan", "Ruby", "Hamish", "Tāne", "Aroha", "Jarrah", "Matilda"],
            ["Wilson", "Murray", "Ngata", "Henare", "Kennedy", "Ryan", "Sullivan", "Parata", "McKenzie"],
            [Sydney, Melbourne, Brisbane, Auckland]),
    ];

    /// <summary>Letters that do not decompose into a base letter plus an accent.</summary>
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ł'] = "l",
        ['ø'] = "o",
        ['æ'] = "ae",
        ['ß'] = "ss",
        ['đ'] = "d",
        ['ı'] = "i",
        ['œ'] = "oe",
        ['þ'] = "th",
    };

    /// <summary>"Łukasz Wójcik" → "lukasz.wojcik": lower-case ASCII for an e-mail local part.</summary>
    public static string EmailLocalPart(string given, string family) => Ascii(given) + "." + Ascii(family);

    private static string Ascii(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (c is ' ' or '-') builder.Append('-');
            else if (Transliterations.TryGetValue(c, out var latin)) builder.Append(latin);
        }
        return builder.ToString().Trim('-');
    }
}
