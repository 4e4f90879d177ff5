"""The only module that imports stanza.

It finds the model directory, builds one pipeline (tokenize, mwt, pos, lemma,
depparse, ner) that is reused for every batch, and converts stanza's
``Document`` into :class:`attrib.types.ParsedArticle`.  Models are never
downloaded implicitly (``download_method=None``); ``attrib models download``
calls :func:`download_models` for users with internet access.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .types import Entity, ParsedArticle, Sentence, Token

PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
LANG = "en"

# Our own entity kinds: both CoNLL (PER/ORG/LOC/MISC, the offline models) and
# OntoNotes (PERSON/GPE/NORP/..., stanza's official default) map onto them so
# the rules work with either model set.  Numeric and date types are dropped:
# no rule needs them as names.
NER_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}


#: Sentences longer than this many words are cut into pieces of at most this many
#: words before the tagger and the dependency parser see them: the parser's
#: memory grows with the square of a sentence's length, so a text that never
#: ends a sentence (2,000 words without a full stop) would need gigabytes.
#: Real sentences of news text stay far below it.
MAX_SENTENCE_WORDS = 120
#: Punctuation where a piece of an over-long sentence preferably ends.
_BREAK_AFTER = frozenset(",;:—–-\"'“”‘’()")

#: The values of ``--device``: ``auto`` is ``cuda`` when torch sees a GPU, else ``cpu``.
DEVICES = ("auto", "cuda", "cpu")


class SetupError(RuntimeError):
    """The parser cannot be set up as asked (a fatal error for the command line)."""


class ModelsNotFound(SetupError):
    """Raised when no stanza English models are found where we looked."""


class DeviceUnavailable(SetupError):
    """Raised when the device asked for cannot be used (``cuda`` without a usable GPU)."""


def cuda_available() -> bool:
    """True when torch can use a CUDA GPU (imports torch)."""
    import torch

    return bool(torch.cuda.is_available())


def resolve_device(device: str = "auto") -> str:
    """``cuda`` or ``cpu`` for a ``--device`` value.

    ``auto`` is ``cuda`` when :func:`cuda_available`, else ``cpu``; ``cpu`` never
    imports torch.  Raises :class:`DeviceUnavailable` for ``cuda`` without a GPU
    and ``ValueError`` for anything not in :data:`DEVICES`.
    """
    if device not in DEVICES:
        raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device == "cpu":
        return "cpu"
    if cuda_available():
        return "cuda"
    if device == "cuda":
        raise DeviceUnavailable(
            "--device cuda: torch sees no CUDA GPU (no NVIDIA GPU or driver, or a CPU-only torch build). "
            "Install the CUDA build of torch (see README, 'Using it'), or use --device cpu / auto."
        )
    return "cpu"


def default_stanza_dir() -> Path:
    """stanza's own default resources directory (``~/stanza_resources``)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or Path.home() / "stanza_resources")


def resolve_models_dir(models_dir: str | os.PathLike[str] | None = None) -> Path:
    """``--models DIR``, else ``$STANZA_RESOURCES_DIR``, else stanza's default.

    Raises :class:`ModelsNotFound` naming the directory searched and the
    command that fixes it when no English models are there.
    """
    path = Path(models_dir) if models_dir else default_stanza_dir()
    if not (path / "resources.json").is_file() or not (path / LANG).is_dir():
        raise ModelsNotFound(
            f"No stanza English models found in {path} (looked for resources.json and {LANG}/). "
            f"Run `attrib models download --dir {path}` on a machine with internet access, "
            "or pass --models DIR / set STANZA_RESOURCES_DIR to a directory that has them."
        )
    return path


def model_identity(models_dir: Path) -> str:
    """A short id for the model set: stanza version + hash of resources.json.

    Parses are cached under this id so that new models never reuse old parses.
    """
    digest = hashlib.sha256((models_dir / "resources.json").read_bytes()).hexdigest()[:12]
    return f"stanza-{importlib.metadata.version('stanza')}-{digest}"


def download_models(models_dir: str | os.PathLike[str] | None = None) -> Path:
    """Download stanza's official English models (needs internet access)."""
    import stanza

    path = Path(models_dir) if models_dir else default_stanza_dir()
    stanza.download(LANG, model_dir=str(path), processors=PROCESSORS)
    return path


class ParseFailed(RuntimeError):
    """The parser failed on one text (it is skipped with this reason; the others of its batch are parsed)."""


def _token_groups(sentence: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The word dicts of one tokenized sentence grouped by token (a multi-word token with its words)."""
    groups: list[list[dict[str, Any]]] = []
    covered = 0
    for entry in sentence:
        wid = entry["id"]
        if isinstance(wid, tuple):
            groups.append([entry])
            covered = wid[-1]
        elif isinstance(wid, int) and wid <= covered:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def _piece_ends(groups: list[list[dict[str, Any]]], max_words: int) -> list[int]:
    """Where to cut a sentence of token ``groups``: pieces of at most ``max_words`` tokens, each
    ending after punctuation in its second half when there is some."""
    ends: list[int] = []
    start = 0
    while len(groups) - start > max_words:
        end = start + max_words
        for k in range(end, start + max_words // 2, -1):
            if groups[k - 1][0]["text"] in _BREAK_AFTER:
                end = k
                break
        ends.append(end)
        start = end
    return ends


def split_long_sentences(sentences: list[list[dict[str, Any]]], max_words: int) -> list[list[dict[str, Any]]]:
    """Tokenized sentences (stanza's ``Document.to_dict()``) with every one of more than
    ``max_words`` tokens cut into pieces of at most ``max_words`` tokens.

    Tokens keep their ``start_char``/``end_char``, so offsets into the text stay
    exact; only word ids are renumbered from 1 in each piece.
    """
    out: list[list[dict[str, Any]]] = []
    for sentence in sentences:
        groups = _token_groups(sentence)
        if len(groups) <= max_words:
            out.append(sentence)
            continue
        cuts = [0, *_piece_ends(groups, max_words), len(groups)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            out.append(_renumber(groups[a:b]))
    return out


def _renumber(groups: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Word dicts of ``groups`` as one sentence, ids counted from 1."""
    first = groups[0][0]["id"]
    shift = (first[0] if isinstance(first, tuple) else first) - 1
    piece: list[dict[str, Any]] = []
    for group in groups:
        for entry in group:
            wid = entry["id"]
            new_id = tuple(i - shift for i in wid) if isinstance(wid, tuple) else wid - shift
            piece.append({**entry, "id": new_id})
    return piece


#: Articles per stanza call.  24 instead of 8 needs 0.87 x the CPU time an article at the same
#: peak memory (README "Speed", bench/speed.py); a text's parse does not depend on the texts it is
#: batched with (tests/test_nlp_timings.py), so this is a speed setting only.
BATCH_SIZE = 24


class Parser:
    """A stanza pipeline created once and fed texts in batches.

    ``device`` is a ``--device`` value (see :func:`resolve_device`); the parses
    do not depend on it, so neither does their cache key (:attr:`model`).
    Each text is tokenized first; a sentence of more than ``max_words`` words
    is cut into pieces (:func:`split_long_sentences`) before tagging and
    parsing, which bounds the memory a parse needs whatever the input.  A
    model directory stanza cannot load is a :class:`ModelsNotFound`.
    """

    def __init__(self, models_dir: str | os.PathLike[str] | None = None, device: str = "auto",
                 max_words: int = MAX_SENTENCE_WORDS):
        self.models_dir = resolve_models_dir(models_dir)
        self.model = model_identity(self.models_dir)
        self.device = resolve_device(device)
        self.max_words = max_words
        #: Seconds spent in each stanza processor (``tokenize``, ``mwt``, ``pos``, ...) since created.
        self.timings: dict[str, float] = {}
        import stanza

        self._stanza = stanza
        try:
            self.pipeline = stanza.Pipeline(
                LANG,
                dir=str(self.models_dir),
                processors=PROCESSORS,
                download_method=None,
                use_gpu=self.device == "cuda",
                device=self.device,
                logging_level="WARN",
            )
        except Exception as e:  # noqa: BLE001 - a missing or broken model file: nothing can be parsed
            raise ModelsNotFound(
                f"stanza could not load the English models in {self.models_dir} ({type(e).__name__}: {e}). "
                f"Run `attrib models download --dir {self.models_dir}`, or pass --models DIR with complete models."
            ) from None

    def parse(self, text: str) -> ParsedArticle:
        """Parse one text."""
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[ParsedArticle]:
        """Parse texts in batches, yielding one :class:`ParsedArticle` per text, in order."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def parse_each(self, texts: list[str]) -> list[ParsedArticle | ParseFailed]:
        """Parses of ``texts`` in order, as one batch; when the batch fails, each text alone,
        so a text the parser fails on is a :class:`ParseFailed` and costs only itself."""
        try:
            return list(self._run(texts))
        except Exception:  # noqa: BLE001 - e.g. "could not create a primitive" when memory runs out
            pass
        out: list[ParsedArticle | ParseFailed] = []
        for t in texts:
            try:
                out.extend(self._run([t]))
            except Exception as e:  # noqa: BLE001 - one text the parser chokes on costs that text only
                out.append(ParseFailed(f"parser failed: {e!r}"))
        return out

    def _run(self, texts: list[str]) -> list[ParsedArticle]:
        docs = [self._stanza.Document([], text=t) for t in texts]
        if any(t.strip() for t in texts):
            docs = self._tokenize(docs, texts)
            docs = self._process(docs, "pos,lemma,depparse,ner")
        return [convert(d, t, self.model) for d, t in zip(docs, texts, strict=True)]

    def _process(self, docs: list[Any], processors: str) -> list[Any]:
        """``docs`` through each of ``processors`` in turn, timed into :attr:`timings`.

        The same calls as ``Pipeline.process`` makes for a list of documents
        (each processor's ``bulk_process``, in order), one at a time so that
        each one's time is known.
        """
        for name in processors.split(","):
            processor = self.pipeline.processors.get(name)
            if processor is None:
                continue
            t0 = time.perf_counter()
            docs = processor.bulk_process(docs)
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
        return docs

    def _tokenize(self, docs: list[Any], texts: list[str]) -> list[Any]:
        """Tokenized documents whose sentences have at most :attr:`max_words` words each."""
        docs = self._process(docs, "tokenize,mwt")
        out = []
        for doc, text in zip(docs, texts, strict=True):
            sentences = doc.to_dict()
            pieces = split_long_sentences(sentences, self.max_words)
            out.append(doc if len(pieces) == len(sentences) else self._stanza.Document(pieces, text=text))
        return out


def convert(doc: Any, text: str, model: str = "unknown") -> ParsedArticle:
    """Convert a stanza ``Document`` of ``text`` into a :class:`ParsedArticle`."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for si, sent in enumerate(getattr(doc, "sentences", []) or []):
        base = len(tokens)
        word_index: dict[int, int] = {}
        rows: list[tuple[Any, int, int, str]] = []
        for tok in sent.tokens:
            ner = getattr(tok, "ner", None) or "O"
            for w in tok.words:
                ws, we = getattr(w, "start_char", None), getattr(w, "end_char", None)
                if ws is None or we is None or text[ws:we] != w.text:
                    ws, we = tok.start_char, tok.end_char  # MWT part without offsets
                word_index[w.id] = base + len(rows)
                rows.append((w, ws, we, ner))
        for w, ws, we, ner in rows:
            head = word_index.get(w.head, -1) if w.head else -1
            tokens.append(
                Token(
                    i=len(tokens),
                    text=w.text,
                    start=ws,
                    end=we,
                    lemma=(w.lemma or w.text),
                    upos=w.upos or "X",
                    xpos=w.xpos or "",
                    head=head,
                    deprel=w.deprel or "dep",
                    sent=si,
                    ner=ner,
                )
            )
        if len(tokens) > base:
            sentences.append(Sentence(si, tokens[base].start, tokens[-1].end, base, len(tokens)))
    entities = _entities(doc, tokens, text)
    return ParsedArticle(text, tuple(tokens), tuple(sentences), tuple(entities), model)


def _entities(doc: Any, tokens: list[Token], text: str) -> list[Entity]:
    out: list[Entity] = []
    starts = [t.start for t in tokens]
    for ent in getattr(doc, "ents", []) or []:
        label = NER_MAP.get(ent.type)
        if label is None:
            continue
        s, e = ent.start_char, ent.end_char
        i = bisect.bisect_left(starts, s)
        j = i
        while j < len(tokens) and tokens[j].start < e:
            j += 1
        if i < j:
            out.append(Entity(s, e, label, text[s:e], i, j))
    return out
