"""The report card's figures, as PNG files (matplotlib, drawn off-screen).

Each function draws one figure on its own ``Figure`` with an Agg canvas and writes it to the
path given (parent folders created), returning that path. No pyplot: nothing here touches
matplotlib's global state (backend, current figure), so it is safe in a server or beside other
code that plots.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

__all__ = ["attribution_bars", "length_distributions", "perplexity_histograms"]

_SIZE = (6.4, 4.0)  # inches
_DPI = 100
_TUNED, _BASE, _REAL = "#1f77b4", "#7f7f7f", "#2ca02c"
_OTHERS = ("#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


def attribution_bars(
    path: Path, tuned: float, base: float, *, real: float | None = None, reliable: bool = True
) -> Path:
    """Share of texts (0-1) the style judge attributes to the persona: the tuned model's
    generations, the base model's, and (when given) the real held-out posts. An unreliable
    judge hatches the bars and says so in the title."""
    names = ["tuned", "base"]
    values = [tuned, base]
    colours = [_TUNED, _BASE]
    if real is not None:
        names.append("real held-out posts")
        values.append(real)
        colours.append(_REAL)
    figure, axes = _figure()
    percent = [100.0 * v for v in values]
    bars = axes.bar(names, percent, color=colours, hatch=None if reliable else "//")
    for bar, value in zip(bars, percent, strict=True):
        axes.annotate(
            f"{value:.0f}%",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            xytext=(0, 2),
            textcoords="offset points",
        )
    axes.set_ylim(0, 110)
    axes.set_ylabel("attributed to the persona (%)")
    title = "Attribution to the persona"
    if not reliable:
        title += "\nUNRELIABLE: the style judge is below 90% held-out accuracy"
    axes.set_title(title, color="black" if reliable else "#d62728")
    return _save(figure, path)


def perplexity_histograms(path: Path, tuned: Sequence[float], base: Sequence[float]) -> Path:
    """Per-post perplexity of the real held-out posts under the tuned and the base model:
    overlaid histograms on a log x axis (shared log-spaced bins), median of each in the legend.
    Values that are not finite and positive are left out."""
    series = {"tuned": (_clean(tuned), _TUNED), "base": (_clean(base), _BASE)}
    figure, axes = _figure()
    everything = np.concatenate([values for values, _colour in series.values()])
    if len(everything):
        low, high = float(everything.min()), float(everything.max())
        if high <= low:
            low, high = low / 1.5, high * 1.5
        bins = np.geomspace(low, high, 31)
        for name, (values, colour) in series.items():
            if len(values):
                axes.hist(
                    values,
                    bins=bins.tolist(),
                    alpha=0.55,
                    color=colour,
                    label=f"{name} (median {np.median(values):.1f})",
                )
        axes.set_xscale("log")
        # Plain numbers (20, 100), not 2x10^1; on a short range 2s and 5s between the decades.
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:g}"))
        axes.xaxis.set_minor_formatter(
            FuncFormatter(_two_and_five) if high / low < 100 else NullFormatter()
        )
        axes.legend()
    else:
        _no_data(axes)
    axes.set_xlabel("perplexity of a held-out post (log scale)")
    axes.set_ylabel("posts")
    axes.set_title("Held-out perplexity: tuned vs base")
    return _save(figure, path)


def length_distributions(
    path: Path, real: Sequence[int], generated: Mapping[str, Sequence[int]]
) -> Path:
    """Words per post: the real held-out posts against each model's generations (name ->
    lengths), as step histograms of the share of posts on shared bins."""
    series: list[tuple[str, np.ndarray, str]] = [
        ("real held-out posts", np.asarray(real, dtype=np.float64), _REAL)
    ]
    palette = {"tuned": _TUNED, "base": _BASE}
    others = iter(_OTHERS * (1 + len(generated) // len(_OTHERS)))
    for name, lengths in generated.items():
        series.append(
            (name, np.asarray(lengths, dtype=np.float64), palette.get(name) or next(others))
        )
    figure, axes = _figure()
    everything = np.concatenate([values for _name, values, _colour in series])
    if len(everything):
        top = max(1, math.ceil(float(everything.max())))
        bins = np.linspace(0, top + 1, min(top + 2, 41))
        for name, values, colour in series:
            if len(values):
                weights = np.full(len(values), 100.0 / len(values))
                axes.hist(
                    values,
                    bins=bins.tolist(),
                    weights=weights,
                    histtype="step",
                    linewidth=2,
                    color=colour,
                    label=f"{name} (n={len(values)}, median {np.median(values):.0f})",
                )
        axes.legend()
    else:
        _no_data(axes)
    axes.set_xlabel("words per post")
    axes.set_ylabel("posts (%)")
    axes.set_title("Post length: real vs generated")
    return _save(figure, path)


def _figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _clean(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    return array[np.isfinite(array) & (array > 0)]


def _two_and_five(value: float, _position: int | None = None) -> str:
    if value <= 0:
        return ""
    leading = round(value / 10 ** math.floor(math.log10(value)))
    return f"{value:g}" if leading in (2, 5) else ""


def _no_data(axes: Axes) -> None:
    axes.text(0.5, 0.5, "no data", ha="center", va="center", transform=axes.transAxes)


def _save(figure: Figure, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path
