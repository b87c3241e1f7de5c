"""An Ollama ``Modelfile`` for an exported GGUF: the file, the chat template in Ollama's Go
template syntax, the persona card as the system prompt, and the end-of-turn stop tokens.

    text = ollama_modelfile("mags.gguf", chat_template, card="You are Mags...")
    # then: ollama create mags -f Modelfile && ollama run mags

Ollama does not run the Jinja chat template stored in the GGUF; it runs ``TEMPLATE``. So the
template is written here for the template families this project trains on — ChatML (SmolLM2,
Qwen) — and a template of another family is refused rather than guessed.
"""

from __future__ import annotations

#: ChatML as Ollama renders it: every message (the SYSTEM card first), then the open assistant
#: turn. No default system prompt is injected, unlike SmolLM2's Jinja template: the card is it.
CHATML_TEMPLATE = (
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n"
    "{{ .Content }}<|im_end|>\n"
    "{{ end }}<|im_start|>assistant\n"
)
CHATML_STOPS = ("<|im_end|>", "<|im_start|>")


class TemplateUnsupported(ValueError):
    """The model's chat template is not one this exporter can write for Ollama."""


def is_chatml(chat_template: str | None) -> bool:
    return bool(chat_template) and "<|im_start|>" in str(chat_template)


def _quoted(text: str) -> str:
    # Ollama's parser reads a triple-quoted value up to the next """; escape any inside it.
    return '"""' + text.replace('"""', '\\"\\"\\"') + '"""'


def ollama_modelfile(gguf_name: str, chat_template: str | None, *, card: str) -> str:
    if not is_chatml(chat_template):
        raise TemplateUnsupported(
            "the model's chat template is not ChatML; only ChatML templates are written into an "
            "Ollama Modelfile (the GGUF itself is fine for llama.cpp, which reads its template)"
        )
    lines = [
        f"FROM ./{gguf_name}",
        f"TEMPLATE {_quoted(CHATML_TEMPLATE)}",
    ]
    if card.strip():
        lines.append(f"SYSTEM {_quoted(card.strip())}")
    lines += [f'PARAMETER stop "{stop}"' for stop in CHATML_STOPS]
    return "\n".join(lines) + "\n"
