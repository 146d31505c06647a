"""Interactive views of the graph: networkx (kg.netx) in, one offline HTML page out.

A view is built in steps, one module each, and rendered last:

- ``select``  which nodes: the focus (by name or alias, any case), its neighbourhood for
              the kind of view, and what folds into boards and themes past ``max_nodes``;
- ``layout``  positions computed in Python (the page opens still, with physics off);
- ``view``    the chosen nodes and edges as plain dicts (``build_view``), pure;
- ``render``  the page: ``templates/page.html.j2`` with vis-network and our script and
              style from ``static/``, inlined, behind a Content-Security-Policy.

``model`` holds the View dataclass and the look of each node type. Node types and edge
labels are kg.vocab's, shared with kg.netx.
"""

from kg.viz.layout import layout
from kg.viz.model import KINDS, STYLE, FocusError, View
from kg.viz.render import embed_json, render_html
from kg.viz.select import find_node
from kg.viz.view import build_view

__all__ = ["KINDS", "STYLE", "FocusError", "View", "build_view", "embed_json", "find_node", "layout",
           "render_html"]
