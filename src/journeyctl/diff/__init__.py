"""`journeyctl diff`: what changed between two versions of journey maps, matched by id.

sides.py / gitsource.py read the two versions into Sides; match.py pairs items by id (and
renames by similarity); compare.py turns the pairs into Change records (model.py) that
classify.py marks customer-facing or internal; formats/ prints them.
"""
