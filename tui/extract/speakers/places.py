"""Well-known place names, which are never the person a pronoun refers to.

A one-word capitalised subject ("Michigan was only doing what ...") is otherwise hard to tell from a
surname; this list covers the places news mentions most. Places can still speak as bodies ("Russia
said"), they are only kept out of "he"/"she" resolution.
"""

from __future__ import annotations


def _names(s: str) -> frozenset[str]:
    return frozenset(s.split())


PLACES = _names(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming America
    Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chad Chile
    China Colombia Croatia Cuba Cyprus Denmark Ecuador Egypt England Eritrea Estonia Ethiopia
    Europe Finland France Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait
    Laos Latvia Lebanon Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Myanmar
    Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Peru
    Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore
    Slovakia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand
    Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia
    Zimbabwe Africa Asia Beijing Moscow London Paris Berlin Tokyo Tehran Baghdad Kabul Islamabad
    Delhi Cairo Damascus Jerusalem Brussels Geneva Rome Madrid Ankara Kyiv Kiev Seoul Pyongyang
    Havana Caracas Chicago Boston Atlanta Philadelphia Denver Houston Dallas Miami Cleveland
    Detroit Brooklyn Manhattan Baltimore Seattle Phoenix Orlando Milwaukee Pittsburgh Tallahassee
    Sacramento Albany Richmond Columbus Charlotte Nashville Memphis Austin Benghazi Aleppo Mosul
    Gaza Crimea Kashmir Normandy Nice Munich Orlando Raleigh Manchester Hollywood"""
)
