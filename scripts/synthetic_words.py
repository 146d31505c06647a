"""Word lists the benchmarks make synthetic councils and people from (invented names,
none taken from the development corpus): one place, so the benchmarks' corpora agree."""

HEADS = ["Ash", "Brack", "Cold", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lang", "Marl",
         "North", "Oak", "Pen", "Queens", "Red", "Stan", "Thorn", "Up", "West", "Yar", "Brom", "Calder"]

TAILS = ["combe", "ford", "harbour", "ley", "mere", "ton", "wick", "bury", "field", "stead", "worth",
         "holm", "by", "dale", "gate", "hurst"]

FIRST = ["Alice", "Amir", "Beth", "Bilal", "Carys", "Colin", "Dara", "Derek", "Elena", "Emeka", "Fiona",
         "Femi", "Grace", "Gareth", "Hana", "Hugh", "Imogen", "Imran", "Jane", "Jamal", "Kirsty", "Kofi",
         "Laura", "Liam", "Maya", "Martin", "Nadia", "Niall", "Olu", "Owen", "Priya", "Paul", "Rosa",
         "Rhys", "Sara", "Sanjay", "Tess", "Tobias", "Uma", "Victor", "Wendy", "Yusuf", "Zoe", "Zain"]

LAST = ["Adeyemi", "Barker", "Chen", "Dale", "Evans", "Frost", "Gill", "Holt", "Iqbal", "Jones", "Khan",
        "Lowe", "Marsh", "Nash", "Okafor", "Penrose", "Quinn", "Reid", "Shah", "Turner", "Vane", "Wren",
        "Young", "Zielinski", "Abbott", "Byrne", "Carter", "Doyle", "Ellis", "Fox", "Grant", "Hughes",
        "Irwin", "Jarvis", "Kaur", "Lambert", "Mensah", "Novak", "Osei", "Patel", "Rahman", "Sutton"]
