"""Trained persona models written for other runtimes: a merged Hugging Face folder, or a GGUF
file with an Ollama Modelfile (``model_export.export_model``; ``likeness models export``)."""
