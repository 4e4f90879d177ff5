"""Take the README's screenshot: the article view of one statement in a real database.

    ./demo.sh                                  # builds attrib.db from the sample articles
    .venv/bin/python docs/screenshot.py attrib.db --speaker "Dmitry Peskov" -o docs/article-view-samples.png

Starts `attrib serve` on a free localhost port, opens the statement's article
view in Debian's headless Chromium (Playwright with /usr/bin/chromium) and
saves a full-page PNG.
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--speaker", default="Dmitry Peskov", help="show a statement by this speaker")
    ap.add_argument("-o", "--output", type=Path, default=Path("docs/article-view-samples.png"))
    args = ap.parse_args()

    con = sqlite3.connect(args.db)
    row = con.execute("select s.id, s.article_id from statements s join speakers sp on sp.id = s.speaker_id "
                      "where sp.name = ? order by s.start limit 1", [args.speaker]).fetchone()
    con.close()
    if row is None:
        sys.exit(f"no statement by {args.speaker!r} in {args.db}")
    statement_id = row[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "attrib", "serve", str(args.db), "-p", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1350})
            page.goto(f"{base}/-/attrib/statement/{args.db.stem}/{statement_id}")
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, 0)")  # the page scrolls to the statement; show its header too
            page.screenshot(path=str(args.output), full_page=False)
            browser.close()
        print(f"saved {args.output}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
