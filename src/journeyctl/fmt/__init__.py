"""`journeyctl fmt`: canonical formatting of map files that keeps every comment.

formatter.py formats one file's text (and refuses when the result would not mean the same);
tree.py makes the tree to rewrite from the loader's C-composed nodes (ruamel.yaml reads what it
does not model); canonical.py rebuilds it in canonical shape; emit.py writes that as text
(ruamel.yaml writes what it does not model); comments.py finds the comments and ties them to
items; weave.py writes them back; layout.py is the key order of the spec; run.py walks files
and writes, checks or diffs. ruamel.yaml is imported only here, so other commands never pay for it.
"""
