from __future__ import annotations

import pytest

from chronik.nlp.sentences import split_sentences
from chronik.nlp.tokenizer import abbreviation_table, tokenize_text


def _split(text: str) -> list[str]:
    tokens = tokenize_text(text)
    _, final = abbreviation_table()
    return [text[tokens[a].start : tokens[b - 1].end] for a, b in split_sentences(tokens, sentence_final=final)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Wir sind bereit.» Dann ging er.", ["«Wir sind bereit.»", "Dann ging er."]),
        ("«Wir sind bereit», sagte er. Sie nickte.", ["«Wir sind bereit», sagte er.", "Sie nickte."]),
        ("„Warum?“, fragte sie. Niemand wusste es.", ["„Warum?“, fragte sie.", "Niemand wusste es."]),
        ("»Nein!« Er ging.", ["»Nein!«", "Er ging."]),
        ("Das war am 6. Dezember. Danach kam nichts.", ["Das war am 6. Dezember.", "Danach kam nichts."]),
        ("Das kostet ca. 1,5 Mio. Euro. Zu viel.", ["Das kostet ca. 1,5 Mio. Euro.", "Zu viel."]),
        ("Dr. Müller traf Prof. Roth u. a. in St. Gallen.", ["Dr. Müller traf Prof. Roth u. a. in St. Gallen."]),
        ("Äpfel, Birnen usw. Dann kam der Winter.", ["Äpfel, Birnen usw.", "Dann kam der Winter."]),
        ("Toll!!! Wirklich.", ["Toll!!!", "Wirklich."]),
        ("Ich weiss nicht... aber gut.", ["Ich weiss nicht... aber gut."]),
        ("Er sagte: «Ja.» Sie sagte: «Nein.»", ["Er sagte: «Ja.»", "Sie sagte: «Nein.»"]),
        ("Es war (...) gut. Ende.", ["Es war (...) gut.", "Ende."]),
        ("Er wurde 1998. Die Zeit verging.", ["Er wurde 1998.", "Die Zeit verging."]),
        ('"Nie wieder!", rief er. "Gut."', ['"Nie wieder!", rief er.', '"Gut."']),
        ("‹Ja.› Dann nichts.", ["‹Ja.›", "Dann nichts."]),
        ("Mehr auf www.example.ch. Danke.", ["Mehr auf www.example.ch.", "Danke."]),
    ],
)
def test_split_sentences_news_german(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_split_sentences_empty() -> None:
    assert split_sentences([]) == []
