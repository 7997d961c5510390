"""The ``sdm`` command line: check aids, list the library, print the schema, export plans.

Every command works without a window. Errors are one line each, never a traceback;
exit codes are documented in ``--help``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sdm_app import __version__

if TYPE_CHECKING:
    from sdm_app.content.loader import LoadedAid
    from sdm_app.domain.visit import Visit
    from sdm_app.pdf.render import RenderResult
    from sdm_app.settings import Settings

log = logging.getLogger("sdm_app.cli")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

EPILOG = """\
exit codes:
  0  success
  1  problems found (invalid aids, a visit that cannot be exported)
  2  wrong usage, or a file that cannot be read or written

Aids are searched in $SDM_AID_PATH, the per-user folder and the bundled aids.
See docs/authoring.md for the decision-aid format.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with complete help for every command."""
    parser = _Parser(
        prog="sdm",
        description="Shared decision-making toolkit: decision aids, visits and care plans.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sdm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check decision-aid files against the format",
        description="Check decision aids against the format. Prints one line per problem as "
        "FILE:LINE:COL: field.path: message, so editors can jump to it. Exits 0 when every "
        "aid is valid, 1 otherwise.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="aid files or folders (default: the whole library)",
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="print problems only")

    listing = commands.add_parser(
        "list",
        help="list the aids in the library",
        description="List the aids found, with id, version, languages, review status and "
        "file, followed by any files that failed to load and why.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the aid format",
        description="Print the JSON Schema of the decision-aid format (the same as "
        "decision_aids/schema.json), for editor completion.",
    )
    schema.add_argument("-o", "--output", type=Path, help="write to this file instead")
    schema.add_argument(
        "--reference", action="store_true", help="print the field reference (Markdown) instead"
    )
    new_aid = commands.add_parser(
        "new-aid",
        help="start a new decision aid from a commented scaffold",
        description="Write a commented starting file for a new aid. It validates as written; "
        "every 'Replace with' is yours to fill in. See docs/authoring.md.",
    )
    new_aid.add_argument(
        "id", metavar="ID", help="lower-case letters, digits and '-', e.g. asthma-inhalers"
    )
    new_aid.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="default: ID.yaml in the per-user aid folder",
    )
    new_aid.add_argument("--force", action="store_true", help="overwrite an existing file")

    export = commands.add_parser(
        "export",
        help="render the care plan PDF of a saved visit",
        description="Render the shared care plan of a saved visit file as a PDF, in the "
        "patient's language or the one given with --lang.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("visit", type=Path, metavar="VISIT.yaml", help="a saved visit file")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="PLAN.pdf")
    export.add_argument(
        "--lang", metavar="CODE", help="language of the plan, e.g. es (default: the patient's)"
    )
    export.add_argument("--large-print", action="store_true", help="16 pt body text")
    export.add_argument(
        "--paper", choices=("letter", "a4"), help="paper size (default: by the plan's language)"
    )
    export.add_argument(
        "--chart-lang",
        metavar="CODE",
        help="also write a copy for the chart in this language, as PLAN.chart-CODE.pdf "
        "(default: the clinician's language recorded in the visit, if it differs); "
        "signed too with --sign",
    )
    export.add_argument(
        "--fhir",
        type=Path,
        metavar="BUNDLE.json",
        help="also write an HL7 FHIR R4 Bundle (docs/fhir.md)",
    )
    export.add_argument(
        "--ics",
        type=Path,
        metavar="FILE.ics",
        help="also write the dated next steps as an iCalendar file",
    )
    export.add_argument(
        "--sign",
        action="store_true",
        help="sign the PDF with the clinic's certificate (settings; else the local clinic "
        "certificate, created on first use)",
    )
    export.add_argument(
        "--certificate", type=Path, metavar="FILE.p12", help="sign with this PKCS#12 file instead"
    )
    export.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the certificate's passphrase from this environment variable (else the "
        "system keyring, else a prompt)",
    )
    export.add_argument(
        "--aids",
        type=Path,
        action="append",
        metavar="DIR",
        help="look for the visit's aid here too (may be repeated)",
    )
    lint = commands.add_parser(
        "lint",
        help="check aids for quality (IPDAS, plain language, translations)",
        description="Quality checks beyond the format: options include no change, every option "
        "has benefits and harms and next steps, one denominator and time frame per row, every "
        "number sourced, review dates, reading level, translation coverage, and more. Prints "
        "FILE:LINE:COL: severity code message. Codes: docs/lint-codes.md.",
        epilog="exit codes:\n  0  no errors (warnings allowed)\n  1  errors, or warnings with --strict\n"
        "  2  wrong usage, or a path that cannot be read",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="aid files or folders (default: the whole library)",
    )
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument("--no-info", action="store_true", help="hide info-level findings")
    lint.add_argument(
        "--codes", action="store_true", help="print the documentation of every code and exit"
    )
    report = commands.add_parser(
        "report",
        help="summarise shared decision-making measures over a period",
        description="Summarise the local measures (no patient identifiers): visits, CollaboRATE "
        "top-box share, SURE-positive share (4 of 4), decisions deferred, by aid; as text, "
        "JSON, and a PNG chart.",
    )
    report.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--json", action="store_true", help="print JSON")
    report.add_argument("--png", type=Path, metavar="CHART.png", help="also draw a chart")
    report.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    verify = commands.add_parser(
        "verify",
        help="check the digital signature of a plan",
        description="Check a signed plan: signer, signing time, whether the signed content is "
        "intact and covers the whole file (any update appended after signing counts as "
        "modified), whether the certificate is trusted (and why not), and the document ID. "
        "Exits 0 when intact, 1 when modified or unsigned, 2 when the input cannot be read.",
    )
    verify.add_argument("pdf", type=Path, metavar="PLAN.pdf")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar="CERT",
        help="a trusted certificate (PEM or DER); may be repeated",
    )
    verify.add_argument("--json", action="store_true", help="print JSON")
    translate = commands.add_parser(
        "translate",
        help="translate an aid's content with PO files",
        description="Translate an aid's content with the tools translators use. 'export' "
        "writes a PO file of every text in the aid (msgctxt = the field's path, msgid = the "
        "default-language text); 'import' writes the translations back into the YAML, keeping "
        "its comments and layout, and reports missing and stale entries.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    translate_commands = translate.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser
    )
    translate_commands.required = True
    t_export = translate_commands.add_parser(
        "export",
        help="write a PO file of the aid's text",
        description="Write a PO file of the aid's text for one language.",
    )
    t_export.add_argument("aid", type=Path, metavar="AID.yaml")
    t_export.add_argument(
        "--lang", required=True, metavar="CODE", help="the target language, e.g. vi"
    )
    t_export.add_argument(
        "-o", "--output", type=Path, metavar="FILE.po", help="default: standard output"
    )
    t_import = translate_commands.add_parser(
        "import",
        help="write a PO file's translations into the aid",
        description="Write a PO file's translations into the aid file. Exits 0 when everything "
        "was imported, 1 when entries are missing, stale or unknown (the rest is still imported), "
        "2 when the files cannot be read or the result would not validate (nothing is written).",
    )
    t_import.add_argument("aid", type=Path, metavar="AID.yaml")
    t_import.add_argument("po", type=Path, metavar="FILE.po")
    t_import.add_argument(
        "--status",
        choices=("drafted", "machine", "reviewed"),
        default="drafted",
        help="translation status recorded for a language new to the aid (default: drafted)",
    )
    t_import.add_argument("--dry-run", action="store_true", help="report only; change nothing")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sdm`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    handlers = {
        "validate": cmd_validate,
        "list": cmd_list,
        "schema": cmd_schema,
        "export": cmd_export,
        "translate": cmd_translate,
        "verify": cmd_verify,
        "lint": cmd_lint,
        "new-aid": cmd_new_aid,
        "report": cmd_report,
    }
    try:
        return handlers[args.command](args, sys.stdout)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm validate``."""
    from sdm_app.content.library import Library

    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"{path}:1:1: no such file or folder", file=out)
    library = Library.load([p for p in args.paths if p.exists()] if args.paths else None)
    for diagnostic in library.diagnostics:
        print(diagnostic, file=out)
    bad = len(library.failed) + len(missing)
    if not args.quiet:
        total = len(library.entries) + len(missing)
        print(f"{total - bad} of {total} aid file(s) valid.", file=sys.stderr)
    if args.paths and not (library.entries or library.duplicates or missing):
        print("no aid files (*.yaml, *.yml) found in the paths given", file=out)
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm list``."""
    from sdm_app.content.library import Library

    library = Library.load()
    rows = []
    for entry in library.aids:
        aid = entry.aid
        assert aid is not None
        rows.append(
            {
                "id": aid.id,
                "version": aid.version,
                "languages": aid.languages,
                "review_status": aid.evidence.review_status.value,
                "next_review": aid.evidence.next_review.isoformat(),
                "title": aid.text(aid.title, aid.default_language),
                "hash": entry.short_hash,
                "file": str(entry.path),
            }
        )
    failed = [
        {"file": str(e.path), "problems": [str(d) for d in e.diagnostics]} for e in library.failed
    ]
    if args.json:
        json.dump({"aids": rows, "failed": failed}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not rows:
        print("No aids found.", file=out)
    for row in rows:
        print(
            f"{row['id']:<32} {row['version']:<7} {','.join(row['languages']):<12} "
            f"{row['review_status']:<10} {row['hash']}  {row['title']}",
            file=out,
        )
    for fail in failed:
        print(f"\nNot loaded: {fail['file']}", file=out)
        for problem in fail["problems"]:
            print(f"  {problem}", file=out)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm schema``."""
    from sdm_app.content.schema import aid_schema_text

    if args.reference:
        from sdm_app.content.reference import reference_markdown

        text = reference_markdown()
    else:
        text = aid_schema_text()
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"sdm: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    else:
        out.write(text)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm export``."""
    from sdm_app.content.library import Library, default_search_path
    from sdm_app.content.visit_file import load_visit
    from sdm_app.i18n import LANGUAGES

    for code in (args.lang, args.chart_lang):
        if code and code.split("-")[0] not in LANGUAGES:
            print(
                f"sdm: unknown language {code!r}; use one of {', '.join(LANGUAGES)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    loaded = load_visit(args.visit)
    if loaded.visit is None:
        for diagnostic in loaded.diagnostics:
            print(diagnostic, file=sys.stderr)
        return EXIT_USAGE if not args.visit.exists() else EXIT_PROBLEMS
    visit = loaded.visit
    if visit.guide is not None:
        from sdm_app.content.guide import guide_aid

        entry = guide_aid(visit.guide, args.lang or visit.patient.language, visit.visit_date)
        return _render_and_write(args, out, entry, visit)
    if visit.aid is None:
        print(
            f"{args.visit}: the visit names no decision aid, so there is no plan to export",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    library = Library.load([*(args.aids or []), *default_search_path()])
    entry = next(
        (
            e
            for e in library.aids
            if e.aid and e.aid.id == visit.aid.id and e.content_hash == visit.aid.content_hash
        ),
        None,
    )
    if entry is None or entry.aid is None:
        print(
            f"{args.visit}: aid {visit.aid.id} {visit.aid.version} with hash "
            f"{visit.aid.content_hash[:12]} is not in the library; the plan needs the exact "
            "content the visit used (add its folder with --aids)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return _render_and_write(args, out, entry, visit)


def _render_and_write(args: argparse.Namespace, out: TextIO, entry: LoadedAid, visit: Visit) -> int:
    from sdm_app.domain.plan import PlanMismatchError, build_care_plan
    from sdm_app.settings import load_settings

    assert entry.aid is not None
    settings = load_settings()
    try:
        plan = build_care_plan(
            entry.aid, visit, args.lang, content_hash=entry.content_hash, clinic=settings.clinic
        )
    except PlanMismatchError as exc:
        print(f"{args.visit}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    from sdm_app.files import chart_copy_path, write_private
    from sdm_app.pdf.render import RenderOptions, render_plan_checked
    from sdm_app.signing.keystore import SigningError

    try:
        rendered = render_plan_checked(
            plan, RenderOptions(large_print=args.large_print, paper=args.paper or settings.paper)
        )
        pdf = rendered.pdf
    except Exception as exc:  # never echo the message: ReportLab quotes the text (patient data)
        log.error(
            "rendering the plan failed (%s); details withheld because they may contain patient data",
            type(exc).__name__,
        )
        return EXIT_PROBLEMS
    sign: Signer | None = None
    if args.sign:
        try:
            sign = _signer(args, settings)
            pdf = sign(rendered, plan.document_id)
        except SigningError as exc:
            print(f"sdm: {exc}; nothing was written", file=sys.stderr)
            return EXIT_PROBLEMS
    outputs = [(args.output, pdf, plan)]
    extras: list[tuple[Path, bytes]] = []
    if args.fhir:
        from sdm_app.exports.fhir import build_bundle, bundle_json

        extras.append((args.fhir, bundle_json(build_bundle(plan, visit, pdf)).encode("utf-8")))
    if args.ics:
        from sdm_app.exports.calendar import build_calendar

        extras.append((args.ics, build_calendar(plan)))
    chart_language = args.chart_lang or visit.chart_language
    if chart_language and chart_language != plan.language:
        chart = build_care_plan(
            entry.aid,
            visit,
            chart_language,
            content_hash=entry.content_hash,
            clinic=settings.clinic,
        )
        options = RenderOptions(paper=args.paper or settings.paper)
        try:
            chart_rendered = render_plan_checked(chart, options)
        except Exception as exc:  # as above: never echo the message
            log.error("rendering the chart copy failed (%s)", type(exc).__name__)
            return EXIT_PROBLEMS
        try:
            chart_pdf = sign(chart_rendered, chart.document_id) if sign else chart_rendered.pdf
        except SigningError as exc:
            print(f"sdm: {exc}; nothing was written", file=sys.stderr)
            return EXIT_PROBLEMS
        outputs.append((chart_copy_path(args.output, chart_language), chart_pdf, chart))
    for path, data in [*((p, d) for p, d, _plan in outputs), *extras]:
        try:
            write_private(path, data)
        except OSError as exc:
            print(f"sdm: cannot write {path}: {exc.strerror}; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
    for path, data, written in outputs:
        print(
            f"Wrote {path} ({written.language}, {len(data) // 1024 + 1} KB, {written.document_id})",
            file=out,
        )
    return EXIT_OK


Signer = Callable[["RenderResult", str], bytes]


def _signer(args: argparse.Namespace, settings: Settings) -> Signer:
    """Find the certificate and passphrase once (creating the local clinic certificate on first
    use) and return what signs a rendered plan with them."""
    import getpass
    import os

    from sdm_app.signing.keystore import (
        SigningError,
        create_local_certificate,
        local_certificate_path,
        stored_passphrase,
    )
    from sdm_app.signing.sign import Stamp, sign_pdf

    certificate = args.certificate or (
        Path(settings.signing.certificate)
        if settings.signing.certificate
        else local_certificate_path()
    )
    passphrase = os.environ.get(args.passphrase_env, "") if args.passphrase_env else ""
    passphrase = passphrase or stored_passphrase(certificate) or ""
    if not passphrase and sys.stdin.isatty():
        passphrase = getpass.getpass(f"Passphrase for {certificate}: ")
    if not passphrase:
        raise SigningError(
            f"no passphrase for {certificate}: give --passphrase-env VAR, keep it in the system "
            "keyring, or run in a terminal to be asked"
        )
    if not certificate.exists():
        if args.certificate or settings.signing.certificate:
            raise SigningError(f"{certificate}: the signing certificate is missing")
        create_local_certificate(certificate, passphrase, settings.clinic.name)
        print(
            f"Created a local, self-signed clinic certificate at {certificate}. Plans are signed "
            "from today; to sign with a certificate from your organisation, set it in Settings.",
            file=sys.stderr,
        )

    def sign(rendered: RenderResult, document_id: str) -> bytes:
        stamp = Stamp(rendered.stamp.page, rendered.stamp.box) if rendered.stamp.page else None
        return sign_pdf(
            rendered.pdf,
            certificate,
            passphrase,
            stamp=stamp,
            timestamp_url=settings.signing.timestamp_url,
            location=settings.clinic.name,
            document_id=document_id,
        )

    return sign


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm report``."""
    from sdm_app.storage.metrics import connect, report_text, summarize

    report = summarize(connect(args.database), args.since, args.until)
    if args.json:

        def summary(s):  # type: ignore[no-untyped-def]
            return {
                "visits": s.visits,
                "collaborate_answered": s.collaborate_answered,
                "collaborate_top_box_share": s.top_box_share,
                "sure_answered": s.sure_answered,
                "sure_positive_share": s.sure_positive_share,
                "deferred_share": s.deferred_share,
            }

        data = {
            "since": args.since.isoformat() if args.since else None,
            "until": args.until.isoformat() if args.until else None,
            "total": summary(report.total),
            "by_aid": {k: summary(v) for k, v in sorted(report.by_aid.items())},
        }
        json.dump(data, out, indent=2)
        out.write("\n")
    else:
        out.write(report_text(report))
    if args.png:
        from sdm_app.ui.report_chart import save_chart

        try:
            save_chart(report, args.png)
        except OSError as exc:
            print(f"sdm: cannot write {args.png}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_OK


def cmd_new_aid(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm new-aid``."""
    import re

    from sdm_app.content.library import bundled_aids_dir, user_aids_dir
    from sdm_app.content.scaffold import scaffold

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", args.id):
        print(
            f"sdm: {args.id!r} is not a usable id: use lower-case letters, digits, '-' and '_'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    target = args.output or (user_aids_dir() / f"{args.id}.yaml")
    if target.exists() and not args.force:
        print(f"sdm: {target} exists; choose another name or add --force", file=sys.stderr)
        return EXIT_USAGE
    schema = (bundled_aids_dir() / "schema.json").resolve().as_uri()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(scaffold(args.id, str(target), schema), encoding="utf-8")
    except OSError as exc:
        print(f"sdm: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote {target}. Next: sdm-app --preview {target}", file=out)
    return EXIT_OK


def cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm lint``."""
    from sdm_app.content.library import Library
    from sdm_app.content.lint import lint_aid, rules_markdown

    if args.codes:
        out.write(rules_markdown())
        return EXIT_OK
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"sdm: {path}: no such file or folder", file=sys.stderr)
    if missing:
        return EXIT_USAGE
    library = Library.load(args.paths or None)
    findings = [d for entry in (*library.entries, *library.duplicates) for d in lint_aid(entry)]
    if args.no_info:
        findings = [d for d in findings if d.severity != "info"]
    if args.format == "json":
        json.dump(
            [
                {
                    "file": d.file,
                    "line": d.line,
                    "column": d.column,
                    "severity": d.severity,
                    "code": d.code,
                    "path": d.path,
                    "message": d.message,
                }
                for d in findings
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        for finding in findings:
            print(finding.lint_line(), file=out)
        counts = {s: sum(d.severity == s for d in findings) for s in ("error", "warning", "info")}
        print(
            f"{len(library.entries)} aid file(s): {counts['error']} error(s), {counts['warning']} "
            f"warning(s), {counts['info']} info",
            file=sys.stderr,
        )
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_PROBLEMS if any(d.severity in failing for d in findings) else EXIT_OK


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm verify``."""
    from sdm_app.signing.verify import UnreadablePdfError, verify_pdf

    try:
        data = args.pdf.read_bytes()
    except OSError as exc:
        print(f"sdm: cannot read {args.pdf}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = verify_pdf(data, args.trust)
    except UnreadablePdfError as exc:
        print(f"{args.pdf}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(
            {
                "file": str(args.pdf),
                "signed": report.signed,
                "intact": report.intact,
                "covers_whole_file": report.covers_whole_file,
                "trusted": report.trusted,
                "trust_problem": report.trust_problem,
                "signer": report.signer,
                "signing_time": report.signing_time.isoformat() if report.signing_time else None,
                "document_id": report.document_id,
                "problems": report.problems,
            },
            out,
            indent=2,
        )
        out.write("\n")
    else:
        verdict = "INTACT" if report.ok else ("NOT SIGNED" if not report.signed else "MODIFIED")
        print(f"{args.pdf}: {verdict}", file=out)
        if report.signed:
            print(f"  Signed by:    {report.signer or 'unknown'}", file=out)
            when = report.signing_time.isoformat(sep=" ") if report.signing_time else "unknown"
            print(f"  Signed at:    {when}", file=out)
            print(
                f"  Content:      {'intact, whole file covered' if report.ok else 'changed after signing'}",
                file=out,
            )
            trust = "yes" if report.trusted else f"no: {report.trust_problem}"
            print(f"  Trusted:      {trust}", file=out)
        print(f"  Document ID:  {report.document_id or 'none found'}", file=out)
        for problem in report.problems:
            print(f"  Problem:      {problem}", file=out)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_translate(args: argparse.Namespace, out: TextIO) -> int:
    """``sdm translate export|import``."""
    from sdm_app.content.loader import load_aid
    from sdm_app.content.translate import export_po, import_po

    if args.action == "export":
        loaded = load_aid(args.aid)
        if loaded.aid is None:
            for diagnostic in loaded.diagnostics:
                print(diagnostic, file=sys.stderr)
            return EXIT_USAGE if not args.aid.exists() else EXIT_PROBLEMS
        data = export_po(loaded.aid, args.lang)
        if args.output is None:
            out.write(data.decode("utf-8"))
            return EXIT_OK
        try:
            args.output.write_bytes(data)
        except OSError as exc:
            print(f"sdm: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        return EXIT_OK
    try:
        po_data = args.po.read_bytes()
    except OSError as exc:
        print(f"sdm: cannot read {args.po}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = import_po(args.aid, po_data, status=args.status, dry_run=args.dry_run)
    except Exception as exc:  # a broken PO file: say which, without a traceback
        print(f"{args.po}: cannot read the PO file ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_USAGE
    for error in report.errors:
        print(error, file=sys.stderr)
    if report.errors:
        print(f"{args.aid}: nothing was written", file=sys.stderr)
        return EXIT_USAGE
    for kind, paths in (
        ("missing", report.missing),
        ("stale", report.stale),
        ("unknown", report.unknown),
    ):
        for path in paths:
            print(f"{args.po}: {kind}: {path}", file=out)
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{args.aid}: {verb} {report.imported} text(s) in {report.language}; "
        f"{report.unchanged} unchanged, {len(report.missing)} missing, {len(report.stale)} stale, "
        f"{len(report.unknown)} unknown",
        file=sys.stderr,
    )
    return EXIT_OK if report.ok and not report.missing else EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
