"""Common English first names by usual gender, to send "he" and "she" to the right person.

Only a hint: a pronoun learnt from the article itself ("Smith said she ...") or a title (Mrs., Sir)
takes precedence, and names missing here are simply unknown.
"""

from __future__ import annotations


def _names(s: str) -> frozenset[str]:
    return frozenset(s.split())


FEMALE = _names(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
    evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary hilary carly sarah nikki condoleezza michele elena sonia ruth dianne
    nancy kirsten elizabeth tammy tulsi kamala susana mia jill melania ivanka chelsea huma
    donna debbie kellyanne hope katrina dana megyn katie sheryl janet loretta samantha valerie
    sylvia madeleine kathy patty barbara lindsey jeanne shannon erin caroline claire clara
    eleanor ellen ella eva fiona gina irene iris jane joanna josephine kate leah lena lily
    lucy lydia marina molly naomi nora paula rita rosa roxanne stella susie tina tracy vanessa
    wendy yvonne zoe angela ayanna ilhan alexandria rashida marsha mazie mazie heidi jeanne
    lisa maxine nita rosa tammy betsy cecile cokie gretchen greta ivana anne annie marcia
    cathy connie peggy sally sue tanya
    """
)
MALE = _names(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
    joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
    vincent russell elijah louis bobby philip johnny barack bernie ted marco jeb chris mike
    rand ben newt mitch harry chuck bill hugh tim tom jim bob dick al rick ron rudy reince
    corey paul lindsey rahm rex martin luther jon karl kurt mitt lamar orrin ralph sherrod
    elijah cory jerry jay jake jared eric reggie rex steve stephen sam dan dave doug greg hank
    ike jeff josh ken larry lou luke max neil nick pat pete phil ray sid stan ted tony vince
    vladimir xi boris emmanuel francois angela bashar benjamin recep narendra justin shinzo
    ban joel glenn sean tucker rush mark
    """
) - {"angela"}


def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None from the first token of a full name."""
    first = name.split(maxsplit=1)[0].lower().strip(".,") if name else ""
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE and first not in FEMALE:
        return "m"
    return None
