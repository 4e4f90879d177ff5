"""Datasette's own list pages (tables, views, canned queries) made data-first.

:func:`list_page_script` is the ``extra_body_script`` of attrib databases'
table and query pages.  It runs in the page (no download, no CDN) and:

- folds the table description and the column descriptions behind one
  "About this table and its columns" link, so the first row is near the top;
- hides ids, offsets and internal columns (a "Show ids and offsets" button
  shows them, remembered per browser).  Table pages do not render them at all
  (:func:`hidden_columns`, ``db/templates/_table.html``): at a million statements
  the HTML of ``statements_view``'s 53 columns was most of its page's time.  The
  button then reloads the page with ``_attrib_all=1`` (or ``0``) and keeps the
  choice in the ``attrib_all`` cookie; on query pages it hides them with CSS;
- keeps the scroll position when a facet or filter link reloads the page;
- makes CSV export links download a file (Datasette's ``_dl=1``);
- gives a canned query's page of :data:`QUERY_PAGE_ROWS` rows (its ``page``
  parameter) links to the previous and next pages.
"""

from __future__ import annotations

import json
from typing import Any

from datasette.utils import to_css_class
from markupsafe import Markup, escape

#: Columns of the statement tables a reader rarely wants: hidden until asked for (``id`` stays:
#: it is the link to the row page).
TECHNICAL_COLUMNS = (
    "article_id", "seq", "content_spans", "start", "end", "cue_start", "cue_end", "speaker_start",
    "speaker_end", "sentence_start", "sentence_end", "speaker_id", "organisation_id", "reported_by_id",
    "statement_rowid", "speech_then_date", "speaker_record_kind", "ingested_at", "updated_at", "published",
    "article_url", "cue_lemma", "rule", "sentence", "speaker_text", "text_sha256", "input",
)

#: Rows a page of a canned query with a ``page`` parameter (its SQL: ``limit 100 offset ...``).
QUERY_PAGE_ROWS = 100

#: The query parameter and the cookie that ask a table page for every column.
SHOW_ALL_PARAM, SHOW_ALL_COOKIE = "_attrib_all", "attrib_all"


def hidden_columns(columns: list[str], request: Any) -> frozenset[str]:
    """The columns of :data:`TECHNICAL_COLUMNS` among ``columns`` that a table page leaves out:
    none when the request asks for all (``?_attrib_all=1``, or the ``attrib_all=1`` cookie the
    button sets; ``?_attrib_all=0`` hides them whatever the cookie says)."""
    asked = request.args.get(SHOW_ALL_PARAM) if request is not None else None
    if asked is None and request is not None:
        asked = request.cookies.get(SHOW_ALL_COOKIE)
    if asked == "1":
        return frozenset()
    return frozenset(TECHNICAL_COLUMNS).intersection(columns)


def table_body(rows: Any, hidden: frozenset[str]) -> Markup:
    """The ``<tbody>`` rows of a table page, as Datasette's ``_table.html`` writes them, less the
    ``hidden`` columns.  Each cell is ``<td class="col-{column} type-{type}">{value}</td>``, the
    value escaped unless it is already markup (Jinja's autoescape).  Built here rather than by the
    template's loop: 100 rows of a statements page are 2,600 cells, and Jinja's async rendering
    of them was two fifths of the page's time at a million statements."""
    out: list[str] = []
    css: dict[str, str] = {}
    for row in rows:
        out.append("<tr>")
        for cell in row:
            column = cell["column"]
            if column in hidden:
                continue
            name = css.get(column) or css.setdefault(column, str(escape(to_css_class(column))))
            out.append(f'<td class="col-{name} type-{escape(cell["value_type"])}">{escape(cell["value"])}</td>')
        out.append("</tr>\n")
    return Markup("".join(out))


_SCRIPT = r"""
(function () {
  var technical = %(columns)s;
  var body = document.body;
  var css = technical.map(function (c) {
    return "body.attrib-compact th.col-" + c + ", body.attrib-compact td.col-" + c;
  }).join(",\n") + " { display: none; }\n"
    + "td.col-content { min-width: 24em; max-width: 44em; }\n"
    + "details.attrib-about { margin: 0.3em 0 0.8em; }\n"
    + "details.attrib-about summary { cursor: pointer; color: #276890; }\n"
    + ".attrib-columns-toggle { margin-left: 1em; font-size: 0.85em; }";
  var style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);

  // 1. descriptions folded behind a link
  var about = document.createElement("details");
  about.className = "attrib-about";
  about.innerHTML = "<summary>About this table and its columns</summary>";
  var moved = 0;
  document.querySelectorAll(".metadata-description, dl.column-descriptions").forEach(function (el) {
    if (!moved) { el.parentNode.insertBefore(about, el); }
    about.appendChild(el);
    moved += 1;
  });

  // 2. ids and offsets hidden unless asked for.  A table page leaves them out itself
  // (data-attrib-columns="hidden"; the server reads ?_attrib_all= or the attrib_all cookie):
  // the button reloads it.  A query page renders them: the button hides them here.
  var server = document.querySelector("[data-attrib-columns]");
  var urlAll = (location.search.match(/[?&]_attrib_all=([01])/) || [])[1];
  var showAll = urlAll ? urlAll === "1" : /(?:^|;\s*)attrib_all=1(?:;|$)/.test(document.cookie);
  var present = technical.some(function (c) { return document.querySelector("th.col-" + c); });
  var compact = server ? server.getAttribute("data-attrib-columns") === "hidden" : present && !showAll;
  if (compact || present) {
    if (!server && compact) { body.classList.add("attrib-compact"); }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "attrib-columns-toggle";
    function label() {
      button.textContent = compact ? "Show ids and offsets" : "Hide ids and offsets";
    }
    label();
    button.addEventListener("click", function () {
      var next = compact ? "1" : "0";
      document.cookie = "attrib_all=" + next + "; path=/; max-age=31536000; samesite=lax";
      if (server) {
        var url = new URL(location.href);
        url.searchParams.set("_attrib_all", next);
        location.href = url.toString();
        return;
      }
      compact = !compact;
      body.classList.toggle("attrib-compact", compact);
      label();
    });
    var count = document.querySelector("h3") || document.querySelector(".table-wrapper");
    if (count) { count.parentNode.insertBefore(button, count.nextSibling); }
  }

  // 3. facet and filter links keep the scroll position
  var key = "attrib-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, parseInt(saved, 10) || 0); }
  } catch (e) {}
  document.querySelectorAll(".facet-results a, .suggested-facets a, .facet-info a, .filters a").forEach(function (a) {
    a.addEventListener("click", function () {
      try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
    });
  });

  // 4. a canned query's tab is titled by its title, not its SQL
  var h1 = document.querySelector("h1");
  if (h1 && /^\S+: select\b/i.test(document.title)) { document.title = h1.textContent.trim(); }

  // 6. a canned query with a 'page' parameter shows %(page)s rows a page: links to the others
  var pageField = document.querySelector('form input[name="page"]');
  var results = document.querySelector("table.rows-and-columns");
  var after = results || document.querySelector(".zero-results") || (pageField && pageField.form);
  if (pageField && after && (results || parseInt(pageField.value, 10) > 1)) {
    var n = Math.max(parseInt(pageField.value, 10) || 1, 1);
    var shown = results ? results.querySelectorAll("tbody tr").length : 0;
    var nav = document.createElement("p");
    nav.className = "attrib-pages";
    nav.appendChild(document.createTextNode("Page " + n + " (" + %(page)s + " rows a page)"));
    function pageLink(k, text, rel) {
      var url = new URL(location.href);
      url.searchParams.set("page", String(k));
      var a = document.createElement("a");
      a.href = url.toString();
      a.rel = rel;
      a.textContent = text;
      nav.appendChild(document.createTextNode(" · "));
      nav.appendChild(a);
    }
    if (n > 1) { pageLink(n - 1, "← previous page", "prev"); }
    if (shown >= %(page)s) { pageLink(n + 1, "next page →", "next"); }
    after.parentNode.insertBefore(nav, after.nextSibling);
  }

  // 5. CSV links download a file
  document.querySelectorAll('a[href*=".csv"]').forEach(function (a) {
    if (a.href.indexOf("_dl=") === -1) {
      a.href += (a.href.indexOf("?") === -1 ? "?" : "&") + "_dl=1";
    }
    a.setAttribute("download", "");
  });
})();
"""


def list_page_script() -> str:
    """The script for an attrib database's table, view and query pages."""
    return _SCRIPT % {"columns": json.dumps(list(TECHNICAL_COLUMNS)), "page": QUERY_PAGE_ROWS}
