"""Take the README's screenshots of the main pages from a real database.

    ./demo.sh                                  # builds attrib.db from the sample articles
    .venv/bin/python docs/screenshot.py attrib.db --speaker "Kurt Campbell" --out-dir docs

Starts `attrib serve` on a free localhost port, opens each page in Debian's
headless Chromium (Playwright with /usr/bin/chromium) and saves PNGs in
--out-dir: the landing page (screenshot-landing.png), a name search in the
statements (screenshot-search.png), the speaker page (screenshot-speaker.png)
and the article view with the speaker's first statement selected, its card
beside the text (article-view-samples.png).
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--speaker", default="Kurt Campbell", help="search for, and show a statement by, this speaker")
    ap.add_argument("--out-dir", type=Path, default=Path("docs"))
    args = ap.parse_args()

    con = sqlite3.connect(args.db)
    row = con.execute("select s.id, s.speaker_id from statements s join speakers sp on sp.id = s.speaker_id "
                      "where sp.name = ? order by s.start limit 1", [args.speaker]).fetchone()
    con.close()
    if row is None:
        sys.exit(f"no statement by {args.speaker!r} in {args.db}")
    statement_id, speaker_id = row
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
            name = args.db.stem
            shots = [
                ("screenshot-landing.png", f"/-/attrib/{name}", 1250),
                ("screenshot-search.png",
                 f"/{name}/statements_view?_search={urllib.parse.quote_plus(args.speaker)}", 900),
                ("screenshot-speaker.png", f"/-/attrib/speaker/{name}/{speaker_id}", 1100),
                ("article-view-samples.png", f"/-/attrib/statement/{name}/{statement_id}", 900),
            ]
            for file_name, path, height in shots:
                page = browser.new_page(viewport={"width": 1280, "height": height})
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                if "statement" not in path:
                    page.evaluate("window.scrollTo(0, 0)")
                out = args.out_dir / file_name
                page.screenshot(path=str(out), full_page=False)
                page.close()
                print(f"saved {out}")
            browser.close()
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
