"""The chat widget in a real browser: Debian's Chromium driven by Playwright, axe-core for WCAG.

One running assistant (actions, Rasa with socket.io + REST, web service) and one browser for
the module; every test gets a fresh browser context (its own sessionStorage). The tests skip
only when Chromium or the npm packages are missing (`scripts/install-browser.sh` installs them).
Artifacts: test-artifacts/widget.png, widget-320.png and axe.json.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from testkit.servers import ROOT, free_port, running_assistant

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SOCKET_IO = ROOT / "web" / "static" / "vendor" / "socket.io.min.js"
ARTIFACTS = ROOT / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DOWN = "Assistenten er ikke tilgjengelig akkurat nå"
ANSWER_TIMEOUT = 30_000  # ms for one answer from the assistant

_missing = [
    f"{what} ({path.relative_to(ROOT) if path.is_relative_to(ROOT) else path})"
    for what, path in [("Chromium", CHROMIUM), ("axe-core", AXE), ("socket.io-client", SOCKET_IO)]
    if not path.exists()
]
pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(_missing),
        reason="missing " + ", ".join(_missing) + ": run scripts/install-browser.sh",
    ),
]

if not _missing:
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("browser")
    call_file = workdir / "call.yml"
    shutil.copy(ROOT / "calls" / "innovasjonspartnerskap-2020.yml", call_file)
    env = {"ASSISTANT_CALL_FILE": str(call_file), "ASSISTANT_NOW": "2020-04-16T14:45:00+02:00"}
    with running_assistant(workdir, env) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator["Browser"]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def host_site() -> Iterator[HostSite]:
    site = HostSite()
    yield site
    site.close()


@pytest.fixture
def page(browser, assistant) -> Iterator["Page"]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT)
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


# ---- helpers ----------------------------------------------------------------------------------

def open_widget(page: "Page", url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    expect(page.get_by_role("dialog", name="Spør assistenten")).to_be_visible()
    expect(page.locator(".ipw")).to_have_attribute("data-state", "ready")


def bot_texts(page: "Page") -> List[str]:
    return page.locator(".ipw-bot .ipw-text").all_inner_texts()


def ask(page: "Page", text: str) -> str:
    """Type a question, send it with Enter and return the assistant's new text."""
    before = page.locator(".ipw-bot").count()
    box = page.get_by_label("Skriv spørsmålet ditt")
    box.fill(text)
    box.press("Enter")
    return wait_for_answer(page, before)


def wait_for_answer(page: "Page", before: int) -> str:
    """The assistant's messages after the first ``before``, once they stop coming.

    The socket channel sends an answer in parts (one per paragraph), so wait until no new part
    has come for 0.8 s.
    """
    bots = page.locator(".ipw-bot")
    expect(bots).not_to_have_count(before)
    count = bots.count()
    for _ in range(20):
        page.wait_for_timeout(800)
        if bots.count() == count:
            break
        count = bots.count()
    return "\n".join(bot_texts(page)[before:])


def transport(page: "Page") -> str:
    return page.locator(".ipw").get_attribute("data-transport") or ""


class HostSite:
    """Another site on 127.0.0.1 (its own origin) whose pages embed the widget with one tag."""

    def __init__(self) -> None:
        pages = self.pages = {}  # path -> html

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                body = pages.get(self.path.split("?")[0])
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def embed(self, path: str, widget_js: str, server: str,
              greeting: str = "Hei! Spør meg om utlysningen.") -> str:
        self.pages[path] = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title></head>
<body><main><h1>Some host page</h1><p>Text of the host.</p></main>
<script src="{widget_js}" data-server="{server}" data-lang="nb"
  data-greeting="{html.escape(greeting)}" defer></script></body></html>"""
        return self.url + path

    def close(self) -> None:
        self.server.shutdown()


def focused(page: "Page") -> Dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement;
                   return {id: e.id, cls: e.className, text: (e.textContent || '').trim()}; }"""
    )


def tab_to(page: "Page", predicate, key: str = "Tab", limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if predicate(focused(page)):
            return
    raise AssertionError(f"{key} never reached the element; last focus {focused(page)}")


# ---- conversation -----------------------------------------------------------------------------

def test_the_deadline_answer_over_socketio(page, assistant):
    open_widget(page, assistant.web_url + "/")
    assert page.get_by_role("button", name="Chat med assistenten", exact=True).get_attribute("aria-expanded") == "true"
    assert focused(page)["id"] == "ipw-input", "focus moves into the panel"
    assert bot_texts(page)[0].startswith("Hei! Jeg svarer på spørsmål")  # data-greeting
    answer = ask(page, "Når er søknadsfristen?")
    assert "17.00" in answer and "16. april 2020" in answer
    assert transport(page) == "socket"


def test_a_quick_reply_sends_its_payload_and_shows_its_title(page, assistant):
    open_widget(page, assistant.web_url + "/")
    assert "Hva slags virksomhet er dere?" in ask(page, "kan vi søke?")
    municipality = page.get_by_role("button", name="Kommune", exact=True)
    expect(municipality).to_be_visible()
    before = page.locator(".ipw-bot").count()
    municipality.click()
    # the title is the user's message; the payload ("Vi er en kommune") went to the assistant
    expect(page.locator(".ipw-user .ipw-text").last).to_have_text("Kommune")
    answer = wait_for_answer(page, before)
    # the verdict comes in the reply that learns it is a municipality, then the offer
    assert "Dere kan søke" in answer and "kommune" in answer
    # the offer's own buttons; the used ones are gone
    expect(page.get_by_role("button", name="Ja, sjekk prosjektet", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Fylkeskommune", exact=True)).to_have_count(0)
    assert focused(page)["id"] == "ipw-input"
    before = page.locator(".ipw-bot").count()
    page.get_by_role("button", name="Ja, sjekk prosjektet", exact=True).click()
    assert "samfunnsutfordring" in wait_for_answer(page, before)
    # the project check's first question has yes/no buttons
    before = page.locator(".ipw-bot").count()
    page.get_by_role("button", name="Nei", exact=True).click()
    assert wait_for_answer(page, before).strip()


def test_a_whole_flow_with_the_keyboard_only(page, assistant):
    page.goto(assistant.web_url + "/")
    tab_to(page, lambda f: "ipw-launcher" in f["cls"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Spør assistenten")).to_be_visible()
    assert focused(page)["id"] == "ipw-input"
    expect(page.locator(".ipw")).to_have_attribute("data-state", "ready")

    page.keyboard.type("kan vi søke?")
    before = page.locator(".ipw-bot").count()
    page.keyboard.press("Enter")
    assert "Hva slags virksomhet" in wait_for_answer(page, before)

    # back from the input into the log, to the quick reply "Kommune", and press it with Space
    tab_to(page, lambda f: f["text"] == "Kommune", key="Shift+Tab")
    before = page.locator(".ipw-bot").count()
    page.keyboard.press("Space")
    answer = wait_for_answer(page, before)
    assert "Dere kan søke" in answer and "kommune" in answer.lower()
    assert focused(page)["id"] == "ipw-input"

    # the offer of the project check, accepted with Enter
    tab_to(page, lambda f: f["text"] == "Ja, sjekk prosjektet", key="Shift+Tab")
    before = page.locator(".ipw-bot").count()
    page.keyboard.press("Enter")
    assert wait_for_answer(page, before).strip()

    # Escape closes the panel and gives focus back to the launcher; Space opens it again
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert "ipw-launcher" in focused(page)["cls"]
    page.keyboard.press("Space")
    expect(page.get_by_role("dialog", name="Spør assistenten")).to_be_visible()
    assert focused(page)["id"] == "ipw-input"

    # Tab order in the panel: input -> Send -> out of the panel; backwards: log, header controls
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Send"
    tab_to(page, lambda f: f["text"] == "Start på nytt", key="Shift+Tab")
    page.keyboard.press("Enter")  # starts over: only the greeting is left
    expect(page.locator(".ipw-user")).to_have_count(0)
    assert len(bot_texts(page)) == 1 and focused(page)["id"] == "ipw-input"


def test_feedback_buttons_are_apart_from_the_replies_and_work_with_the_keyboard(page, assistant):
    open_widget(page, assistant.web_url + "/")
    ask(page, "Når er søknadsfristen?")
    expect(page.get_by_role("group", name="Var svaret nyttig?")).to_be_visible()
    expect(page.get_by_role("button", name="Ja, svaret var nyttig", exact=True)).to_be_visible()
    expect(page.locator(".ipw-replies .ipw-rate")).to_have_count(0)  # not among the replies
    # from the text field backwards to 👎, pressed with Enter: the optional comment is asked
    tab_to(page, lambda f: "ipw-rate" in f["cls"] and f["text"] == "👎", key="Shift+Tab")
    before = page.locator(".ipw-bot").count()
    page.keyboard.press("Enter")
    assert "Hva manglet i svaret?" in wait_for_answer(page, before)
    assert focused(page)["id"] == "ipw-input"
    expect(page.locator(".ipw-rate")).to_have_count(0)  # used: gone with the other replies
    before = page.locator(".ipw-bot").count()
    page.get_by_role("button", name="Nei takk", exact=True).click()
    assert "Greit." in wait_for_answer(page, before)


def test_the_conversation_survives_a_reload(page, assistant):
    open_widget(page, assistant.web_url + "/")
    ask(page, "kan vi søke?")
    expect(page.get_by_role("button", name="Kommune", exact=True)).to_be_visible()
    session = page.evaluate("Object.entries(sessionStorage).find(([k]) => k.endsWith(':session'))[1]")
    texts = bot_texts(page)

    page.reload()
    # open again, the same transcript, the same session, the quick replies still there
    expect(page.get_by_role("dialog", name="Spør assistenten")).to_be_visible()
    assert bot_texts(page) == texts
    expect(page.locator(".ipw-user .ipw-text")).to_have_text(["kan vi søke?"])
    assert page.evaluate(
        "Object.entries(sessionStorage).find(([k]) => k.endsWith(':session'))[1]") == session
    expect(page.locator(".ipw")).to_have_attribute("data-state", "ready")
    # the form goes on where it was: the server kept the conversation
    before = page.locator(".ipw-bot").count()
    page.get_by_role("button", name="Kommune", exact=True).click()
    assert "Dere kan søke" in wait_for_answer(page, before)


def test_html_in_a_message_is_shown_as_text(page, assistant):
    open_widget(page, assistant.web_url + "/")
    evil = "<script>alert(1)</script><b>x</b>"
    answer = ask(page, evil)
    assert answer.strip()
    expect(page.locator(".ipw-user .ipw-text").last).to_have_text(evil)
    assert page.locator(".ipw-log script, .ipw-log b, .ipw-log img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_links_and_line_breaks_in_bot_text(page, assistant, host_site):
    # Bot text and the greeting take the same path (text nodes; http(s) URLs as links).
    greeting = ("Hei!\nLes kunngjøringen: https://www.innovasjonnorge.no/utlysning.\n"
                "Ikke en lenke: javascript:alert(1) <img src=x onerror=alert(2)>")
    url = host_site.embed("/links.html", assistant.web_url + "/static/widget.js",
                          assistant.rasa_url, greeting=greeting)
    page.goto(url)
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    first = page.locator(".ipw-bot .ipw-text").first
    expect(first).to_contain_text("Ikke en lenke")
    text = first.inner_text()  # rendered text: line breaks show as "\n"
    assert text.startswith("Hei!\nLes kunngjøringen: https://www.innovasjonnorge.no/utlysning"), text
    assert text.endswith(".\nIkke en lenke: javascript:alert(1) <img src=x onerror=alert(2)>"), text
    links = first.locator("a")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://www.innovasjonnorge.no/utlysning")  # no "."
    expect(links).to_have_attribute("target", "_blank")
    expect(links).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    assert page.locator(".ipw-log img").count() == 0
    box = first.bounding_box()
    assert box and box["height"] > 3 * 18, "three lines: the line breaks are kept"
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_the_widget_links_to_the_privacy_page_of_its_own_service(page, assistant, host_site):
    # embedded on another site, the link goes to the web service that serves widget.js
    url = host_site.embed("/personvern-lenke.html", assistant.web_url + "/static/widget.js",
                          assistant.rasa_url)
    page.goto(url)
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    link = page.get_by_role("link", name=re.compile(r"^Personvern"))
    # in the widget's language (no data-lang: bokmål)
    expect(link).to_have_attribute("href", assistant.web_url + "/personvern?lang=nb")
    expect(link).to_have_attribute("target", "_blank")
    page.goto(assistant.web_url + "/personvern?lang=nb")
    expect(page.get_by_role("heading", level=1)).to_have_text("Personvern i assistenten")
    expect(page.get_by_text("Samtaler slettes 180 dager etter den siste meldingen.")).to_be_visible()


def test_rest_fallback_when_socketio_cannot_load(page, assistant):
    page.route("**/static/vendor/socket.io.min.js", lambda route: route.abort())
    open_widget(page, assistant.web_url + "/")
    answer = ask(page, "Når er søknadsfristen?")
    assert "17.00" in answer
    assert transport(page) == "rest"
    # REST buttons work as well
    ask(page, "kan vi søke?")
    before = page.locator(".ipw-bot").count()
    page.get_by_role("button", name="Kommune", exact=True).click()
    assert "Dere kan søke" in wait_for_answer(page, before)


def test_a_dead_server_is_said_clearly(page, assistant, host_site):
    dead = f"http://127.0.0.1:{free_port()}"
    page.goto(host_site.embed("/dead.html", assistant.web_url + "/static/widget.js", dead))
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(DOWN)
    expect(page.get_by_role("button", name="Prøv igjen nå", exact=True)).to_be_visible()
    page.get_by_label("Skriv spørsmålet ditt").fill("hei")
    page.get_by_label("Skriv spørsmålet ditt").press("Enter")
    expect(page.locator(".ipw-user").last).to_contain_text("Ikke sendt ennå")


def test_an_unsent_message_goes_out_when_the_assistant_is_back(page, assistant):
    rasa = assistant.rasa_url
    page.route(f"{rasa}/**", lambda route: route.abort())  # Rasa unreachable (polling and REST)
    page.goto(assistant.web_url + "/")
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(DOWN)
    box = page.get_by_label("Skriv spørsmålet ditt")
    box.fill("Når er søknadsfristen?")
    box.press("Enter")
    expect(page.locator(".ipw-user").last).to_contain_text("Ikke sendt ennå")

    page.unroute(f"{rasa}/**")  # back: the widget's retry (backoff) sends the message
    expect(page.locator(".ipw-bot .ipw-text").last).to_contain_text("17.00", timeout=45_000)
    expect(page.locator(".ipw-pending")).to_have_count(0)
    expect(page.locator(".ipw-notice-box")).to_be_hidden()


# ---- layout and accessibility -------------------------------------------------------------------

def test_320px_wide_without_horizontal_scrolling(browser, assistant):
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT)
    try:
        open_widget(page, assistant.web_url + "/")
        ask(page, "kan vi søke?")
        sizes = page.evaluate("""() => {
            const p = document.querySelector('.ipw-panel'), log = document.querySelector('.ipw-log');
            return {doc: document.documentElement.scrollWidth, view: window.innerWidth,
                    panel: p.getBoundingClientRect().width, log: log.scrollWidth - log.clientWidth,
                    anim: getComputedStyle(p).animationName};
        }""")
        assert sizes["doc"] <= sizes["view"] == 320, sizes
        assert sizes["panel"] <= 320 and sizes["log"] <= 0, sizes
        assert sizes["anim"] == "none", "prefers-reduced-motion turns the animation off"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-320.png"))
    finally:
        context.close()


def run_axe(page: "Page") -> dict:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )


def summarize(result: dict) -> dict:
    by_impact = Counter(v["impact"] for v in result["violations"])
    return {
        "axe_version": result["testEngine"]["version"],
        "tags": WCAG_TAGS,
        "violations_by_impact": dict(by_impact),
        "violations": [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ],
        "passes": len(result["passes"]),
        "incomplete": [v["id"] for v in result["incomplete"]],
    }


def test_axe_finds_no_serious_or_critical_wcag_violations(browser, assistant, host_site):
    # The page's Content-Security-Policy (script-src 'self') would block the injected axe.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(ANSWER_TIMEOUT)
        check_with_axe(page, assistant, host_site)
    finally:
        context.close()


def check_with_axe(page: "Page", assistant, host_site: HostSite) -> None:
    # 1. the demo page with the widget open, a conversation and quick replies
    open_widget(page, assistant.web_url + "/")
    ask(page, "Når er søknadsfristen?")
    ask(page, "kan vi søke?")
    expect(page.get_by_role("button", name="Kommune", exact=True)).to_be_visible()
    page.get_by_label("Skriv spørsmålet ditt").focus()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget.png"))
    open_result = summarize(run_axe(page))

    # 2. a host page with the widget open on the "not available" notice
    dead = f"http://127.0.0.1:{free_port()}"
    page.goto(host_site.embed("/axe.html", assistant.web_url + "/static/widget.js", dead))
    page.get_by_role("button", name="Chat med assistenten", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(DOWN)
    down_result = summarize(run_axe(page))

    report = {"conversation": open_result, "not_available": down_result}
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for name, summary in report.items():
        print(f"axe {summary['axe_version']} ({name}): violations by impact "
              f"{summary['violations_by_impact'] or 'none'}, {summary['passes']} rules passed, "
              f"to review by hand: {', '.join(summary['incomplete']) or 'none'}")
    bad = [v for s in report.values() for v in s["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, indent=2, ensure_ascii=False)
