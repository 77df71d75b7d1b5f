"""The words and phrases that carry a question's intent, as analysed tokens.

Knowledge synonyms map members' wording onto the canonical terms (compare, pros,
cons, choosing); the rest are plain English. :mod:`bot.engine.detect` reads a
question's shape with them; ranking and follow-ups use some of them too.
"""

from __future__ import annotations

COMPARE_CUES = frozenset(
    {"choosing", "compare", "comparison", "comparing", "compared", "vs", "differ", "differences"}
)
OR_WORDS = frozenset({"or", "o", "ou", "oder"})
"""A plain "or", in English, Spanish, Portuguese/French or German: the knowledge rewrites it to
"compare", a weaker comparison cue than "vs" ("is keras part of tf or its own thing")."""
PROS_CUES = frozenset({"pros", "advantages", "strengths", "benefits", "upsides"})
CONS_CUES = frozenset({"cons", "disadvantages", "weaknesses", "drawbacks", "downsides", "limitations"})
FAULT_PHRASES = (
    ("wrong", "with"), ("the", "matter", "with"), ("trouble", "with"), ("roast",), ("why", "not"),
)  # fmt: skip
"""Ask for the cons when a framework's name follows ("what's the matter with jax", "the trouble with
pytorch", "roast keras", "why not jax?"); "trouble with installing jax" asks about installing, and
"roast @kim for using tf" roasts a member (a declined topic)."""
PRAISE_PHRASES = (
    ("any", "good"),
    ("do", "well"),
    ("does", "well"),
    ("sales", "pitch"),
    ("special",),
    ("so", "special"),
)
"""Ask for the pros right after a framework's name ("is jax any good", "what does keras do well",
"the pytorch sales pitch", "what makes jax so special")."""
DENIALS = frozenset({"cant", "cannot", "doesnt", "dont", "wont", "not"})
"""Before a framework's name, or between it and a PRAISE_PHRASE, they turn the praise round:
"what can't keras do well", "what does jax not do well" ask for the cons."""
PITCH_PHRASES = (("sell", "me"), ("pitch", "me"), ("sell", "us"), ("pitch", "us"), ("defend",))
"""Ask for the pros right before a framework's name ("sell me keras", "pitch me jax", "defend
tensorflow")."""
PROS_WORDS = frozenset(
    {
        "good", "like", "love", "nice", "great", "awesome", "cool", "strong", "elegant", "underrated",
        "beautiful", "powerful", "neat", "excellent", "fantastic", "brilliant", "appeal",
    }
)  # fmt: skip
CONS_WORDS = frozenset(
    {
        "bad", "hate", "hates", "sucks", "suck", "problems", "worst", "annoying", "weak", "fragmented",
        "clunky", "bloated", "messy", "frustrating", "awful", "horrible", "nightmare", "verbose",
        "buggy", "ugly", "cumbersome", "overcomplicated", "disappointing", "toy", "limiting",
        "annoys", "annoy", "painful",
    }
)  # fmt: skip
"""Words that judge a framework ("jax is so elegant", "keras feels clunky"): with little else
said they ask for its pros or cons; too vague to rank FAQ entries by. Not those the declined
topics use ("garbage", "hype", "amazing"): as cues they would leave those topics' phrasings."""
SELF_WORDS = frozenset({"im", "am"})
"""A complaint right after these is about the member ("im bad in math"), not a framework."""
ABSENCE_WORDS = frozenset({"without", "no", "zero"})
"""A complaint right after these says there is none: "can i ship it without problems" asks
whether it works, not for the cons."""
VERDICT_CUES = frozenset(
    {
        "choosing", "which", "better", "best", "recommend", "recommended", "recommendation",
        "pick", "picking", "choose", "should", "prefer", "winner", "wins", "win", "worth", "verdict", "go",
        "learn",
    }
)  # fmt: skip
HISTORY_TERM = "history"
"""The term the knowledge's synonyms make of "who created", "came out", "came first"…"""
PICK_CUES = frozenset({"pick", "picking", "choose", "recommend", "recommendation", "prefer"})
"""Words that ask outright for one framework to be picked ("jax or torch, which do you pick"):
unlike "which" or "better", never a request to weigh the two on one aspect. Not before
"up": to "pick up" a framework is to learn it."""
NEGATORS = frozenset({"not", "no", "without", "dont", "nor", "before"})
"""Words that deny the verdict cue after them: "not which to pick, just how they differ",
"the tradeoffs before deciding anything".
"No" only across NEGATION_GAP words ("no need for a verdict"): alone it may answer the
last message ("no, which is better for mobile?")."""
NEGATION_GAP = frozenset({"a", "an", "the", "for", "need", "want", "asking", "looking", "interested", "in"})
"""Words between a negator and the cue it denies: "no need for a verdict", "not asking which"."""
NEGATED_SPAN = 3
"""Cues at most this many words after a denied one are denied with it: "not asking which is better"."""
PURPOSE_NOUNS = frozenset(
    {
        "project", "projects", "product", "startup", "thesis", "dissertation", "course",
        "class", "team", "company", "hackathon", "internship",
    }
)  # fmt: skip
"""What a pick is for: "jax or tf for a new recommender project that trains on tpus" asks
which to pick for it, whatever aspect the rest names (see PURPOSE_REACH)."""
PURPOSE_REACH = 4
"""At most this many words from "for" to the purpose noun: "for a new recommender project"."""
PICK_PHRASES = (
    ("go", "with"), ("going", "with"), ("settle", "on"), ("bet", "on"), ("your", "call"),
    ("torn", "between"), ("cant", "decide"), ("decide", "between"),
)  # fmt: skip
"""Phrases that ask for a pick as PICK_CUES do ("which one should i go with", "jax or torch,
your call", "torn between jax and pytorch")."""
EXPAND_CUES = frozenset(
    {
        "why", "sources", "source", "more", "explain", "detail", "details", "detailed", "elaborate",
        "expand", "deeper", "proof", "links",
    }
)  # fmt: skip
GENERIC_WORDS = frozenset(
    {
        "deep", "learning", "machine", "framework", "frameworks", "library", "libraries", "ai",
        "model", "models", "neural", "network", "networks", "start", "starting", "tool", "tools",
        "land", "world", "camp", "universe",
    }
)  # fmt: skip
"""Words any question about these frameworks may carry; they tell no entry apart. (The
last four name a framework's users: "and in jax land?", "over in the pytorch world".)"""
FRAMING_WORDS = frozenset(
    """
    kindly characterise characterize describe outline regarding
    concerning pertaining whereby within beyond provide provides provided relative respectively
    estimation methodology practitioners significant particular particularly entirely typically
    essentially various certain thereof furthermore moreover additionally however nonetheless
    require requires required respective extent considerations comprehensive landscape insights
    perspective elucidate enumerate
    """.split()
)
"""Words that frame a request in formal or polite English ("kindly outline…", "what tooling
does it provide for…", "the recommended methodology for…") without naming its topic: they
tell no entry apart, and unknown to the knowledge, they made careful questions look off-topic."""
VAGUE_WORDS = (
    PROS_WORDS
    | CONS_WORDS
    | frozenset({"which", "better", "best", "should", "go", "worth", "win", "wins", "explain"})
    | frozenset({"meme", "magic", "legit", "vaporware", "gimmick", "overkill"})
    | frozenset({"story", "deal"})
)
"""Cue words too vague to rank FAQ entries by ("is it good", "torch.compile: magic or meme",
"what's the data loading story in pytorch", "what's the deal with keras 3")."""
ADD_CUES = frozenset({"add", "include", "plus"})
"""'Now add keras to that': a framework joins the last answer."""
RULE_OUT = (("not",), ("dont", "use"), ("do", "not", "use"), ("dont", "want"), ("rather", "not"))
"""Words right before a framework's name that rule it out: "…with tensorflow i mean, not torch"."""
RULE_OUT_WORDS = frozenset({"not", "dont"})
"""A word every phrase of RULE_OUT holds: without one, a question rules nothing out."""
REMOVE_CUES = frozenset({"drop", "remove", "minus", "ditch", "exclude"})
"""'Drop tf': the framework named next leaves the last answer."""
SWAP_CUES = frozenset({"swap", "replace", "instead"})
"""'Swap tf for pytorch', 'tf instead of jax': the first framework named after it leaves."""
ALL_CUES = (
    COMPARE_CUES
    | PROS_CUES
    | CONS_CUES
    | PROS_WORDS
    | CONS_WORDS
    | VERDICT_CUES
    | EXPAND_CUES
    | ADD_CUES
    | REMOVE_CUES
    | SWAP_CUES
)
FOLLOW_UP_OPENERS = (
    ("what", "about"),
    ("how", "about"),
    ("and",),
    ("what", "if"),
    ("also",),
    ("ok", "but"),
    ("ok", "and"),
    ("ok", "now"),
    ("ok", "what", "about"),
    ("now",),
    ("but",),
    ("same",),  # "same q but jax vs torch"
    *((word,) for word in sorted(ADD_CUES)),  # "add keras to that"
)
DEFINITION_OPENERS = (("what", "is"), ("what", "are"), ("whats",), ("what",), ("who", "is"))
"""'What is keras 3', "what's jax" (read as "what jax"), "who is jax for": right before a
framework's name, they ask what it is, a question of its own whatever came before."""
WHO_IS = (("who", "is"), ("whos",), ("who",))
"""Openers that ask who a framework is for ("who's jax for" reads "who jax for")."""
WHO_USES = frozenset(
    {
        ("who", "should", "use"), ("who", "needs"), ("who", "should", "learn"), ("who", "would", "use"),
        ("who", "should", "bother", "with"), ("who", "should", "pick"),
    }
)  # fmt: skip
"""Clauses that ask who a framework is for, before "it": "…and who should use it" (not "who
uses it", which asks who does)."""
PURPOSE_WORDS = frozenset({"meant", "made", "built", "designed", "aimed", "intended", "supposed"})
"""Words of purpose between "who is <name>" and "for": "who is jax meant for"."""
OR_ASKS_WHETHER = (
    ("or", "do", "i"), ("or", "do", "we"), ("or", "must", "i"), ("or", "should", "i"),
    ("or", "is", "it"), ("or", "is", "that"), ("or", "will", "i"), ("or", "am", "i"), ("or", "are", "we"),
    ("or", "should", "we"), ("or", "must", "we"), ("or", "will", "we"), ("or", "would", "i"),
    ("or", "would", "we"), ("or", "can", "i"), ("or", "can", "we"),
)  # fmt: skip
"""An "or" that opens the other half of a yes-or-no question ("does my torch code run on
tpus, or do i have to learn jax", "tensorboard with pytorch, or is it tf only"): the
frameworks on either side are not offered as a choice."""
ORIGIN_WORDS = frozenset({"built", "written", "made", "coded", "implemented", "done", "created", "developed"})
ORIGIN_LINKS = frozenset({"in", "with", "using"})
"""'A model built in keras', 'written with jax': words that only say which framework a
model came from; in a follow-up they add no topic of their own. ("Trained" is not one:
the knowledge reads it as "training", a topic; but after PASSIVE_AUXILIARIES, "had been
trained in tf", it says where the model came from too.)"""
PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "is", "got"})
"""Before TRAINING_TERM and an ORIGIN_LINK ("was trained in tf"), say where a model came from."""
TRAINING_TERM = "training"
"""The knowledge's term for "train", "trained" (see synonyms.yaml)."""
USAGE_GROUPS = frozenset(
    {
        "companies", "company", "employers", "industry", "everyone", "everybody", "nobody", "people",
        "ppl", "folks", "teams", "labs", "researchers", "papers", "repos",
    }
)  # fmt: skip
USAGE_VERBS = frozenset({"use", "uses", "using", "run", "runs", "running", "want", "wants", "hire", "hiring"})
PRESCRIPTIVE_CUES = frozenset(
    {
        "should", "recommend", "recommended", "recommendation", "pick", "choose", "prefer", "better",
        "best", "worth",
    }
)  # fmt: skip
"""'What do companies run, torch or tf?' asks who uses what (a group, then a verb of use,
within USAGE_SPAN words); with one of PRESCRIPTIVE_CUES it asks which to pick."""
USAGE_SPAN = 4
POPULARITY_WORDS = frozenset(
    {"popular", "popularity", "mainstream", "dominant", "dominates", "dominating", "adoption"}
)
"""'Which framework is most popular in research' also asks who uses what, not which to pick;
so does 'which is most used in industry' ("adoption": the knowledge's term for "most used",
"who uses", "market share")."""
SWITCHING_TERM = "migration"
"""The knowledge's term for "switch", "migrate", "move to" (see synonyms.yaml): with two
frameworks, a question about leaving one for the other rather than picking one."""
RELATION_CUES = frozenset({"same"})
"""Two frameworks and one of these ask how they relate ("keras and tf.keras, same thing?"),
which an FAQ entry answers, not for a comparison."""
CONVERSION_WORDS = frozenset(
    {
        "convert", "converting", "converted", "conversion", "converter",
        "convertir", "konvertieren", "convertire",
    }
)  # fmt: skip
"""As typed (the knowledge rewrites them to PORT_WORD, an alias of the deployment aspect):
with two frameworks and no "vs", a question about carrying a model across ("can i convert
between tensorflow and pytorch"), which an FAQ entry answers, not a comparison."""
PORT_WORD = "export"
"""The term synonyms.yaml rewrites "convert" and "converter" to: what going from one
framework to another asks for."""
TO_WORDS = frozenset({"to", "into"})
TO_REACH = 3
"""How many words may sit between a framework's name and "to" ("keras model weights to")."""
MOVE_WORDS = frozenset(
    {"move", "moving", "moved", "port", "porting", "ported", "migrate", "migrating", "migrated",
     "switch", "switching", "switched", "transfer", "transferring"}
)  # fmt: skip
MOVE_REACH = 4
"""How many words may sit between one of MOVE_WORDS and the "to" before a framework's name
("move all my stuff to pytorch")."""
IT_IN_PHRASES = frozenset({("it", "in"), ("them", "in")})
"""End a port as "to" does, from a little further off: "a tf model, need it in pytorch"."""
IT_IN_REACH = 5
TIE_WORDS = frozenset(
    {"tied", "bound", "linked", "coupled", "married", "locked", "attached", "connected", "related",
     "similar", "close", "closer", "equivalent", "superior", "inferior", "preferable", "alternative", "next"}
)  # fmt: skip
"""Words before "to" that relate one framework to the other rather than move code between
them: "is keras still tied to tensorflow", "is jax similar to pytorch"."""
WORTH_CUE = "worth"
"""'Is jax worth learning', 'pytorch worth it?': with one framework and nothing else, the
case for it (its pros)."""
PRONOUN = "it"
"""The pronoun that may stand for the one framework named, or the last answer's."""
WHICH_ONE = ("which", "one")
OF_THOSE_BEFORE = (
    ("of", "the", "two"), ("between", "the", "two"), ("of", "those", "two"), ("of", "these", "two"),
    ("of", "the", "three"), ("of", "those", "three"), ("between", "them"), ("between", "those"),
)  # fmt: skip
"""Words that pick among the frameworks the last answer set side by side: "if you had to pick
one of the two for a ten-week course, which one?"."""
ANAPHORA = (
    ("like", "that"), ("like", "this"), ("the", "same"), ("equivalent",), ("counterpart",), WHICH_ONE,
)  # fmt: skip
"""Words that point back at the last answer wherever they stand ("does jax have something like that")."""
FRESH_TOPIC = (
    ("unrelated",), ("different", "question"), ("compare", "question"),
    ("new", "question"), ("separate", "question"), ("side", "question"),
    ("different", "topic"), ("new", "topic"), ("change", "topic"), ("changing", "topic"),
    ("switching", "topic"), ("off", "topic"),
)  # fmt: skip
"""Words that say the question does not follow on from the last answer ("ok diff question: …",
where the synonyms have rewritten "diff" to "compare")."""
HOW_TO = (
    ("how", "to"), ("how", "i"), ("how", "do", "i"), ("how", "can", "i"), ("how", "should", "i"),
    ("how", "would", "i"), ("how", "do", "we"), ("how", "can", "we"), ("how", "should", "we"),
    ("how", "would", "we"), ("how", "do", "you"), ("how", "do", "u"), ("how", "do", "people"),
    ("how", "do", "ppl"), ("how", "do", "folks"),
)  # fmt: skip
"""Ask how to do something ("how do i split the model across gpus"), not which is better."""
FIGURE_WORDS = frozenset({"many", "much"})
COMPARATIVES = frozenset(
    {
        "more", "less", "better", "worse", "faster", "slower", "harder", "easier", "simpler",
        "steeper", "bigger", "smaller", "larger", "cheaper", "quicker", "higher", "lower",
    }
)  # fmt: skip
"""'How many epochs', 'how much vram': a question for a figure (FIGURE_WORDS after "how"),
unless a comparative follows ('how much harder is jax'), which asks how two compare."""
WHICH_REACH = 3
"""How far after "which" a comparative may come to weigh a property ("which one is easier")."""
OVERALL_WORDS = frozenset({"overall", "general"})
"""A comparison asked "overall" or "in general" wants the whole of it, whatever use the
member mentions in passing ("an overall comparison of the two so I can follow our
architects, I'm new to ML")."""
CHOICE_NOUNS = frozenset({"choice", "option", "pick", "bet", "overall", "framework", "one"})
"""After "better", words that keep it a pick ("which is the better choice") rather than a
property ("which has better bindings")."""
INJECTION_MARKERS = (
    ("system", "override"), ("maintainer", "override"), ("admin", "override"), ("new", "instructions"),
    ("previous", "instructions"), ("prior", "instructions"), ("your", "instructions"),
    ("ignore", "your"), ("ignore", "all", "previous"), ("ignore", "the", "above"), ("disregard", "your"),
    ("forget", "your"), ("forget", "everything"), ("developer", "mode"), ("you", "are", "now"),
    ("system", "prompt"),
)  # fmt: skip
"""Words that try to give the bot orders ("SYSTEM OVERRIDE: from now on…"): the message is
declined whatever else it asks, so an injected instruction never shapes an answer."""


FRAMEWORK_WORDS = frozenset({"framework", "frameworks"})
DL_LIBRARY_PAIRS = frozenset(
    (field, library)
    for field in ("learning", "dl", "ml")
    for library in ("library", "libraries", "lib", "libs")
)
"""A library named as a deep-learning one says "framework" ("which deep learning library should
our group standardise on"); a bare "which library…" may be any Python package."""
FRAMEWORK_QUALIFIERS = frozenset(
    {
        "deep", "learning", "machine", "ml", "dl", "ai", "python", "of", "the", "these", "those", "major",
        "main", "big", "popular",
    }
)  # fmt: skip
"""Words that may stand between a choice word and "framework" ("best deep learning framework",
"which of the major frameworks")."""
HEDGES = frozenset(
    {"actually", "really", "mostly", "usually", "typically", "generally", "even", "all", "still", "exactly"}
)
"""Words that may stand inside a choice pair or a "what is" opener without changing it ("what do
people actually use", "what even is jax")."""
PHRASE_HEDGES = frozenset({"actually", "actual", "really", "truly", "genuinely", "honestly", "even"})
"""Words that may stand inside a synonym phrase without changing it ("what do people actually
like about"; see Lexicon.rewrite). Not "all" or "still" of HEDGES, which begin phrases of
their own ("all four", "still maintained"); "actual" is where "actualy" is corrected to."""
HOW_DIFFERENT = ("how", "different")
""""different" after "how" asks for a comparison ("how are tf and jax different"), as "differ"
does; "the same idea under different names" does not."""
CHOICE_PAIRS = frozenset(
    {
        ("which", "framework"), ("which", "frameworks"), ("which", "library"), ("which", "one"),
        ("what", "framework"), ("best", "framework"), ("which", "should"),
        ("build", "with"), ("people", "use"), ("ppl", "use"), ("folks", "use"), ("people", "using"),
        ("everyone", "use"), ("everyone", "using"), ("which", "stack"), ("what", "stack"),
        ("standardize", "on"), ("standardise", "on"), ("right", "framework"), ("right", "library"),
    }
)  # fmt: skip
"""Adjacent words that ask to choose between the frameworks ("which framework would you pick…",
"what do audio people build with")."""
CHOICE_FIRST_WORDS = frozenset(first for first, _ in CHOICE_PAIRS)
"""The words a choice pair starts with: a question holding none of them holds no pair."""

ALL_FRAMEWORKS_PHRASES = frozenset(
    {
        ("all", "4"), ("all", "four"), ("the", "4"), ("the", "four"), ("4", "frameworks"),
        ("four", "frameworks"), ("all", "frameworks"), ("all", "the", "frameworks"),
        ("every", "framework"), ("each", "framework"), ("all", "of", "the", "frameworks"),
        ("big", "4"), ("big", "four"), ("usual", "4"), ("usual", "four"),
    }
)  # fmt: skip
"""Ways to name every framework at once ("compare all 4", "which of the four")."""
EACH_FRAMEWORK = (
    ("each", "framework"), ("every", "framework"), ("each", "of", "the", "frameworks"),
    ("each", "of", "these", "frameworks"), ("each", "library"), ("every", "library"),
    ("each", "one"), ("each", "of", "them"), ("each", "stack"),
)  # fmt: skip
"""Ways to ask of every framework one by one ("how does multi-gpu training work in each
framework"): how each does something, not which does it better."""
