"""The sixteen voivodeships (TERYT code → name, authority, seat), legal-facts.md §5.7.

Unchanged since the 1999 reform, so kept as a constant rather than dated data.
"""

VOIVODESHIPS = {
    "02": {"name": "dolnośląskie", "authority": "Wojewoda Dolnośląski", "seat": "Wrocław"},
    "04": {"name": "kujawsko-pomorskie", "authority": "Wojewoda Kujawsko-Pomorski", "seat": "Bydgoszcz"},
    "06": {"name": "lubelskie", "authority": "Wojewoda Lubelski", "seat": "Lublin"},
    "08": {"name": "lubuskie", "authority": "Wojewoda Lubuski", "seat": "Gorzów Wielkopolski"},
    "10": {"name": "łódzkie", "authority": "Wojewoda Łódzki", "seat": "Łódź"},
    "12": {"name": "małopolskie", "authority": "Wojewoda Małopolski", "seat": "Kraków"},
    "14": {"name": "mazowieckie", "authority": "Wojewoda Mazowiecki", "seat": "Warszawa"},
    "16": {"name": "opolskie", "authority": "Wojewoda Opolski", "seat": "Opole"},
    "18": {"name": "podkarpackie", "authority": "Wojewoda Podkarpacki", "seat": "Rzeszów"},
    "20": {"name": "podlaskie", "authority": "Wojewoda Podlaski", "seat": "Białystok"},
    "22": {"name": "pomorskie", "authority": "Wojewoda Pomorski", "seat": "Gdańsk"},
    "24": {"name": "śląskie", "authority": "Wojewoda Śląski", "seat": "Katowice"},
    "26": {"name": "świętokrzyskie", "authority": "Wojewoda Świętokrzyski", "seat": "Kielce"},
    "28": {"name": "warmińsko-mazurskie", "authority": "Wojewoda Warmińsko-Mazurski", "seat": "Olsztyn"},
    "30": {"name": "wielkopolskie", "authority": "Wojewoda Wielkopolski", "seat": "Poznań"},
    "32": {"name": "zachodniopomorskie", "authority": "Wojewoda Zachodniopomorski", "seat": "Szczecin"},
}
