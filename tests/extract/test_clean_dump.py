"""A text dump of a whole web page: menus, ads and cookie banners go, the story stays."""

from tui.extract.clean import clean_article

COOKIES = (
    "We use cookies to personalise content and ads and to analyse our traffic. "
    "By continuing you agree to our use of cookies."
)
DUMP = f"""Council approves harbour bridge

Home | News | Local | Politics | Business | Weather
{COOKIES}
Accept all
Manage preferences
Advertisement: Harbour View Apartments from $390,000. Visit our show home.
The city council voted on Monday to build a road bridge across the harbour for $120 million.
"We waited long enough," said Mayor Ana Ruiz. "Work starts this year."
Bakers say the cookies sold at the ferry terminal will go when the kiosk closes.
Dates: March | April | May are the months of the works' first phase, the council said.
Related News
"""


def test_menus_ads_and_cookie_banners_of_a_text_dump_go():
    clean = clean_article(DUMP)
    assert clean.title == "Council approves harbour bridge"
    kept = clean.body.strip().split("\n\n")
    assert kept == [
        "The city council voted on Monday to build a road bridge across the harbour for "
        "$120 million.",
        '"We waited long enough," said Mayor Ana Ruiz. "Work starts this year."',
        "Bakers say the cookies sold at the ferry terminal will go when the kiosk closes.",
        "Dates: March | April | May are the months of the works' first phase, the council said.",
    ]
    assert len(clean.removed) == 6
