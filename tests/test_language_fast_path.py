"""The English fast path of language detection: plainly English text is read as English without
the model, and it never answers for a text the model calls something else."""

from __future__ import annotations

import pytest

from dateline.analyze import language

# our own sentences: news prose in English, and the same kind of text in languages that share
# letters and some short words with English
ENGLISH = ("The council said on Tuesday that it would not raise the fares this year, because the "
           "city had found the money it needed in the budget. Its chair told reporters that the "
           "buses were running on time again and that the new routes would open after the summer.")
OTHERS = {
    "de": ("Der Stadtrat hat am Dienstag erklärt, dass die Fahrpreise in diesem Jahr nicht steigen "
           "werden, weil die Stadt das Geld im Haushalt gefunden habe. Die Vorsitzende sagte, die "
           "Busse seien wieder pünktlich und die neuen Linien würden nach dem Sommer eröffnet."),
    "nl": ("De gemeenteraad zei dinsdag dat de tarieven dit jaar niet omhoog gaan, omdat de stad het "
           "geld in de begroting heeft gevonden. De voorzitter zei tegen verslaggevers dat de bussen "
           "weer op tijd rijden en dat de nieuwe lijnen na de zomer open gaan."),
    "fr": ("Le conseil a déclaré mardi qu'il n'augmenterait pas les tarifs cette année, car la ville "
           "a trouvé l'argent dans son budget. Sa présidente a dit aux journalistes que les bus "
           "étaient de nouveau à l'heure et que les nouvelles lignes ouvriraient après l'été."),
    "es": ("El consejo dijo el martes que no subirá las tarifas este año, porque la ciudad encontró "
           "el dinero que necesitaba en el presupuesto. Su presidenta dijo a los periodistas que los "
           "autobuses vuelven a llegar a tiempo y que las nuevas rutas abrirán después del verano."),
    "it": ("Il consiglio ha detto martedì che quest'anno non aumenterà le tariffe, perché la città ha "
           "trovato i soldi nel bilancio. La presidente ha detto ai giornalisti che gli autobus sono "
           "di nuovo puntuali e che le nuove linee apriranno dopo l'estate."),
}


def test_plainly_english_text_is_read_without_the_model(monkeypatch) -> None:
    def no_model():
        raise AssertionError("the language model was loaded for plainly English text")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert language.detect(ENGLISH) == ("en", 1.0)
    assert language.page_language(ENGLISH, "Fares stay where they are", "de") == ("en", True)


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_go_to_the_model(code: str) -> None:
    assert not language._plainly_english(OTHERS[code])
    assert language.detect(OTHERS[code])[0] == code


def test_the_fast_path_needs_enough_words_and_ascii_words() -> None:
    short = "The mayor said that the fares would stay as they are this year."
    assert not language._plainly_english(short)  # too few words to be sure
    # English function words around a long run of another language's words
    mixed = ENGLISH[:120] + " " + OTHERS["de"] + " " + OTHERS["fr"]
    assert not language._plainly_english(mixed)
    # the model agrees wherever the fast path answers
    for text in (ENGLISH, ENGLISH + " " + OTHERS["es"][:80]):
        if language._plainly_english(text):
            code, prob = language._identifier().classify(text)
            assert code == "en" and prob >= language.MIN_CONFIDENCE


def test_the_workers_warm_up_page_does_not_load_the_model() -> None:
    from dateline.run.pool import WARM_UP_TEXT

    assert language._plainly_english(WARM_UP_TEXT)
