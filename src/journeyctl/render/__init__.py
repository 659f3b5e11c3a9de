"""`journeyctl render`: audience filtering into a view model (view.py), then Jinja templates.

Nothing here is imported by the other commands (but markdown.py's escaping, by lint's Markdown
report when it runs); WeasyPrint only by pdf.py, when a PDF is asked for.
"""
