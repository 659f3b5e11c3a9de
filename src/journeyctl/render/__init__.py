"""`journeyctl render`: audience filtering into a view model (view.py), then Jinja templates.

Nothing here is imported by the other commands; WeasyPrint only by pdf.py, when a PDF is asked for.
"""
