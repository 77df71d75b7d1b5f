"""Text normalisation shared by the index and the query: both sides alike.

NFKC, case folding, accents stripped, punctuation turned into spaces (``c++``
and ``#`` inside words kept), letters repeated three times or more cut to two, a possessive
"'s" dropped and other apostrophes removed, whitespace collapsed. Tokens are what is left,
split on spaces.
"""

from __future__ import annotations

import functools
import re
import unicodedata

MAX_QUERY_CHARS = 500
"""Longer messages are cut before analysis to their first and last halves of this:
a long story usually ends with its question, and the cut keeps the cost of a
10 000-character paste bounded."""

_REPEATS = re.compile(r"([^\W\d])\1{2,}")
_KEEP = re.compile(r"[\w+#]+")
_PLUS_RUN = re.compile(r"\+{3,}")
_SYMBOLS_ONLY = re.compile(r"[+#]+")
"""A "+" or "#" standing alone ("layers + adam") is punctuation, not a word like "c++"."""
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
"""'s after a word: "tf's downsides" is about "tf", not "tfs"."""

STOPWORDS = frozenset(
    """
    a about above after again all also am an and any are aren't as at be because been before being
    below between both but by can could did do does doing done don down during each few for from
    further get gets getting got had has have having he her here hers him his how i i'd i'm if in
    into is isn't it its it's itself just let lets like me more most much my myself no nor not now
    of off on once only or other our ours out over own please same she should so some such than
    thanks thank thx that that's the their theirs them then there these they this those though
    through to too under until up us very was we were what what's whats when where whether which
    while who whom why will with would you your yours yourself hi hey hello guys anyone someone
    really actually basically kinda sorta lol lmao pls plz u ur im ive id dont doesnt cant isnt
    there's one ones thing things way ok okay yeah yes tell know want wanna gonna need make
    use using used work works working new still even say said going then btw tho just
    people ppl everyone everybody anybody somebody specifically mean meant
    tbh imo imho idk nah stuff anyway anyways honestly literally something anything
    take takes taking took makes making made uses wants needs try trying tried give gives put
    goes went keep keeps seem seems look looks looking think feel says lot lots exactly
    overall generally
    aint sm1 some1 smn rn atm tips fr ngl af lowkey highkey bruh yo fam pls bro dude saying
    srsly seriously rly hmm hm omg ugh argh sigh smh welp haha hahaha real raw vanilla
    touch touched touching question questions tmrw tomorrow tonight morning
    told claim claims claimed heard hear hearing friend friends coworker coworkers colleague colleagues
    lecturer teacher prof professor boss roommate supervisor true sounds sounded
    never ever next else onto currently nowadays etc thats genuinely realistically likely honest
    suddenly finally barely possible wise confused maybe perhaps probably many
    flame flamewar war wars offense offence trolling bait option options period vibe vibes wait
    youre youve youd youll hes shes whos wheres theres heres theyre theyve theyd theyll weve wed
    ill didnt arent wasnt werent couldnt wouldnt shouldnt wont havent hasnt hadnt hows whys gotta
    howd whatd whod itll thatll couldve wouldve shouldve mustnt neednt
    el la los las una unos unas del que en es por para como pero mis su sus se muy ya este esta
    estos eso esto cual cuales quien porque tambien entre donde cuando
    uma da das na nas ou mas meu minha isso isto tem ele ela voce ate onde quando
    les une des du et est pour avec comme mais mes cette cet cest quon quil peut je il elle nous
    vous dans qui quoi aussi tres sans quand parce
    der das ein eine einen und oder ist fur wie aber mein meine ich nicht auf zu dem von sich
    auch sehr wenn dass noch schon kann sigue siendo sigo
    hai hain kya ka ki ke ko se mein aur bhi kaise kaun nahi nahin toh koi kuch yeh woh aap
    un pas sur unter gibt usar uso usando utiliser utilise utilisant benutzen nutzen verwenden
    istemal karna karte kar pe par puede puedo pode posso peux sakta sakte
    doch wird uberhaupt ueberhaupt bhai yaar sab iske uske baare baat rahe raha rahi
    """.split()
)
"""Words too common to tell FAQ entries apart; left out of ranking, kept for cues. With the
English ones, the commonest of Spanish, Portuguese, French, German and romanised Hindi: in
a mixed-language question they are no words the knowledge never uses."""


MEMO_MAX_CHARS = 200
"""Texts up to this long are memoised by :func:`normalize`: a knowledge load normalises
the same few thousand names, tags and phrasings over and over (4 500 distinct texts in
14 000 calls on the shipped knowledge). Longer ones, such as pastes, are not kept."""

MEMO_SIZE = 16_384
"""How many normalised texts and stemmed words are remembered; enough for a whole load."""


def normalize(text: str) -> str:
    """The canonical form of ``text`` (see the module docstring).

    Pure, so remembering short texts' forms changes no answer (see MEMO_MAX_CHARS).
    """
    if len(text) <= MEMO_MAX_CHARS:
        return _normalize_short(text)
    return _normalize(text)


def forget_memos() -> None:
    """Empty the memos of :func:`normalize` and :func:`stem`, so a benchmark can time a
    first (cold) knowledge load again."""
    _normalize_short.cache_clear()
    stem.cache_clear()


def _normalize(text: str) -> str:
    if text.isascii():
        text = text.lower()  # ASCII is already in NFKC form, and has no accents
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _REPEATS.sub(r"\1\1", text)
    # Each check below skips a step that would not change the text (most texts).
    if "+" in text:
        text = _PLUS_RUN.sub("++", text)
    if "'" in text or "\u2019" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "").replace("\u2019", "")
    words = _KEEP.findall(text)
    if "n" in words:  # chat shorthand: "n for pytorch?" (but "BLOCK_N" is no "and")
        words = ["and" if word == "n" else word for word in words]
    if "_" in text:
        words = " ".join(words).replace("_", " ").split()
    if "+" in text or "#" in text:
        words = [word for word in words if not _SYMBOLS_ONLY.fullmatch(word)]
    return " ".join(words)


_normalize_short = functools.lru_cache(maxsize=MEMO_SIZE)(_normalize)


def tokens(text: str) -> list[str]:
    """Normalised tokens of ``text``."""
    return normalize(text).split()


_FILE_PATH = re.compile(r"(?<![\w:/.\\])(?:~|\.{1,2}|[A-Za-z]:)?(?:[/\\][\w.+@-]+){2,}[/\\]?")
"""A file path of two or more parts ("/usr/lib/python3.11/site-packages/x/__init__.py",
"C:\\Users\\me\\model.h5"); not the path of a URL."""


def without_file_paths(text: str) -> str:
    """``text`` without the file paths in it: a pasted traceback's paths are where the
    error happened, not what it is, and their many unknown words would outweigh the rest."""
    return _FILE_PATH.sub(" ", text)


_SUFFIXES = ("ies", "ier", "ing", "ed", "es", "s")


@functools.lru_cache(maxsize=MEMO_SIZE)
def stem(word: str) -> str:
    """A light suffix strip so "models"/"model" and "compiled"/"compiling" meet (not "compile":
    dropping a final "e" as well was tried and answered worse).

    Deliberately crude and applied to both sides alike (it only ever decides
    whether two words count as the same for ranking); never shown to anyone.
    """
    if len(word) == 4 and word.endswith("s") and word[2] != "s" and word.isalnum():
        return word[:-1]  # gpus, tpus, apps, docs
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ies", "ier"):  # libraries, easier
                return word[:-3] + "y"
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def readable(text: str) -> str:
    """``text``, or its start and end when it is longer than MAX_QUERY_CHARS."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    half = MAX_QUERY_CHARS // 2
    return f"{text[:half]} {text[-half:]}"
