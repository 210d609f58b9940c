"""The Gradio app (depends on ``assistant``, never on ``index``)."""
