"""Inference engines behind one interface (``base.Engine``): vLLM (default) and transformers."""
