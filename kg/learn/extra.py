"""The extra split's pages in training: how much they count, which models they teach, where thresholds are chosen.

The extra split (messages, speeches, interviews, ceremonies: draws 8-10,
``data/annotated/README.md``) is poorer in commitments than the meeting pages
the reader is judged on, and its annotators drew the line between a
commitment and goodwill less alike.  Fitted on at full weight it did not help
the reader of the train pages out of fold, so these are the knobs to try it
at less than full strength (docs/model-card.md): a sample weight on each of
its rows in every model it feeds, feeding the sentence models only (the
per-type regressions and the softmax over the types, not the pair ranker,
the status classifier or the figure filter), and choosing the keep/propose
thresholds on the train pages' out-of-fold readings alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.learn.pages import PageData

PREFIX = "extra/"  # a page of the extra split is named after its folder (kg.learn.corpus.load_split)


@dataclass(frozen=True)
class ExtraUse:
    """How the extra pages among the train pages are used; the default is the old ``--with-extra``."""

    weight: float = 1.0  # each of their rows' sample weight, in every model they feed
    sentences_only: bool = False  # they teach the sentence models only
    tune_on_train: bool = False  # keep/propose are chosen on the other pages' out-of-fold readings only
    status_only: bool = False  # they teach the status classifier only


def is_extra(name: str) -> bool:
    """Whether the page named ``name`` is of the extra split."""
    return name.startswith(PREFIX)


def weighted(pages: Sequence[PageData], use: ExtraUse) -> list[PageData]:
    """``pages`` with the extra ones given ``use.weight`` (their rows then count that much in each fit)."""
    return [replace(p, weight=use.weight) if is_extra(p.name) else p for p in pages]


def for_other_models(pages: Sequence[PageData], use: ExtraUse) -> list[PageData]:
    """The pages the pair ranker, the status classifier and the figure filter fit on."""
    return [p for p in pages if not (use.sentences_only and is_extra(p.name))]


def status_only(pages: Sequence[PageData], use: ExtraUse) -> tuple[list[PageData], list[PageData]]:
    """``pages`` split into those every model fits on and the extra ones that teach the status classifier
    only (none unless ``use.status_only``).

    The extra pages' statuses follow the same guide as the meeting pages', and the status classifier
    learns from the same words whatever the genre: fitted on them too it reads train's statuses better out
    of fold (docs/model-card.md), where the sentence models, the ranker and the figure filter gained nothing.
    """
    if not use.status_only:
        return list(pages), []
    return [p for p in pages if not is_extra(p.name)], [p for p in pages if is_extra(p.name)]


def tunes(name: str, use: ExtraUse) -> bool:
    """Whether the page's out-of-fold readings take part in choosing the keep/propose thresholds."""
    return not (use.tune_on_train and is_extra(name))


def row_weights(weights: Sequence[float]):
    """The sample weights for a fit, as an array, or None when every row counts one (the unweighted fit,
    bit for bit: the recipe without extra pages, or with them at weight 1.0, is unchanged)."""
    import numpy as np

    if all(w == 1.0 for w in weights):
        return None
    return np.array(weights, dtype=float)


def add_arguments(parser, with_extra_help: str) -> None:
    """The training tools' options for the extra pages (``tools/train_reader.py``, ``tools/reader_oof.py``)."""
    parser.add_argument("--with-extra", action="store_true", help=with_extra_help)
    parser.add_argument("--extra-weight", type=float, default=1.0,
                        help="each extra page's rows count this much in every model they feed (default 1.0)")
    parser.add_argument("--extra-sentences-only", action="store_true",
                        help="the extra pages teach the sentence models only, not the pair ranker, status or figures")
    parser.add_argument("--extra-status-only", action="store_true",
                        help="the extra pages teach the status classifier only, not the sentence models, the pair "
                             "ranker or figures")
    parser.add_argument("--extra-tune-on-train", action="store_true",
                        help="choose keep/propose on the train pages' out-of-fold readings only")


def use_of(parser, args) -> ExtraUse:
    """The :class:`ExtraUse` the options ask for; an option for extra pages without ``--with-extra`` is refused."""
    use = ExtraUse(args.extra_weight, args.extra_sentences_only, args.extra_tune_on_train,
                   getattr(args, "extra_status_only", False))
    if use != ExtraUse() and not args.with_extra:
        parser.error("the --extra-* options need --with-extra")
    if use.status_only and use.sentences_only:
        parser.error("--extra-status-only and --extra-sentences-only exclude each other")
    if use.weight <= 0:
        parser.error("--extra-weight must be above zero")
    return use
