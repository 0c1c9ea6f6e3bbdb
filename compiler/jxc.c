/* jxc: the jixiao command-line compiler. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "check.h"
#include "library.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"
#include "dump.h"
#include "format.h"
#include "iati.h"
#include "report.h"
#include "parse.h"
#include "xml_read.h"
#include "xml_write.h"

#include <libxml/parser.h>

enum { EXIT_CLEAN = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "Usage: jxc COMMAND [FILE]...\n"
    "Compile budget performance-target tables (部门预算绩效目标表) written in the\n"
    "jixiao language.\n"
    "\n"
    "Commands:\n"
    "  check FILE...   read and check each document, reporting every problem\n"
    "  dump FILE...    print the syntax tree of the documents as JSON\n"
    "                  (format: doc/ast-json.md)\n"
    "  format FILE...  print each file in the canonical layout, comments\n"
    "                  kept (files with syntax errors are not printed)\n"
    "  build FILE...   compile one document (made of the FILEs and what they\n"
    "                  import) into the exchange XML (schema/jixiao-1.xsd) or\n"
    "                  another --format; refused when the document has errors\n"
    "  import FILE.xml turn an exchange XML document back into jixiao source\n"
    "  tokens FILE     print the scanner's tokens of one file, one a line,\n"
    "                  to explain a confusing syntax error\n"
    "\n"
    "A FILE may be a folder; its main.jx is then the document's root file.\n"
    "Each FILE is a separate document together with the files it imports.\n"
    "\n"
    "Options of build and import:\n"
    "  -o, --output=FILE   write to FILE (atomically: a temporary file is\n"
    "                      renamed), instead of standard output\n"
    "  --format=xml        build: the exchange XML (the default)\n"
    "  --format=iati       build: an IATI 2.03 iati-activities document,\n"
    "                      validated when $JIXIAO_IATI_SCHEMA names the folder\n"
    "                      of iati-activities-schema.xsd\n"
    "  --format=html       build: printable tables, one A4 page per project\n"
    "  --format=text       build: tables for the terminal (--width=N columns;\n"
    "                      default the terminal's, or 100)\n"
    "  --format=csv        build: one row per indicator, RFC 4180 (--bom for Excel)\n"
    "  --format=markdown   build: Markdown tables\n"
    "  --format=xlsx       build: a workbook, one sheet per budget unit\n"
    "                      (--sheets=project: one per project); needs -o\n"
    "  --project CODE, --unit CODE   print only that project or budget unit\n"
    "build also takes --warnings=error and --disable.\n"
    "\n"
    "Options of check:\n"
    "  --warnings=error    treat warnings as errors (exit status 1)\n"
    "  --disable=CODE,...  turn off checker rules (J101 ...); a comment\n"
    "                      '# jxc: allow CODE' does so on its own line, and\n"
    "                      '允许 CODE \"reason\"' in the document, a project\n"
    "                      or an indicator row where it stands\n"
    "  --format=json       print diagnostics to standard output as JSON,\n"
    "                      one object a line, instead of text on stderr\n"
    "  --syntax-only       only read the documents; skip the checker rules\n"
    "The rules run on each document that reads without syntax errors.\n"
    "\n"
    "The standard library (units and indicator frameworks) is read from\n"
    "$JIXIAO_STDLIB when set, else from the installed data folder, else\n"
    "from the source tree jxc was built from; the exchange schema likewise\n"
    "from $JIXIAO_SCHEMA, the installed data folder or the source tree.\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help and exit\n"
    "  -V, --version   show the version and exit\n"
    "\n"
    "Exit status: 0 when the input is clean, 1 when it has errors, 2 for a\n"
    "usage error or a file that cannot be read.\n"
    "Diagnostics are printed as FILE:LINE:COLUMN: error[CODE]: message; the\n"
    "codes are explained in doc/diagnostics.md.\n";

static int usage_error(const char *fmt, const char *arg) {
  fputs("jxc: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'jxc --help' for more information.\n", stderr);
  return EXIT_USAGE;
}

static void summary(const jx_ctx *ctx) {
  if (!ctx->nerrors && !ctx->nwarnings) return;
  fprintf(stderr, "%d error%s, %d warning%s.\n", ctx->nerrors,
          ctx->nerrors == 1 ? "" : "s", ctx->nwarnings,
          ctx->nwarnings == 1 ? "" : "s");
}

/* Loads every named document into ctx. Returns EXIT_USAGE if one could not be
 * read at all (after trying the others), else EXIT_CLEAN. */
static int load_all(jx_ctx *ctx, int argc, char **argv, jx_list *docs) {
  int status = EXIT_CLEAN;
  for (int i = 0; i < argc; i++) {
    const char *why = NULL;
    jx_document *doc = jx_document_load(ctx, argv[i], &why);
    if (!doc) {
      fprintf(stderr, "jxc: %s.\n", why);
      status = EXIT_USAGE;
      continue;
    }
    jx_list_push(ctx->arena, docs, doc);
  }
  return status;
}

static int finish(jx_ctx *ctx, int status) {
  jx_diags_print(ctx, stderr);
  summary(ctx);
  if (status == EXIT_CLEAN && ctx->nerrors) status = EXIT_INPUT;
  jx_ctx_free(ctx);
  return status;
}

struct options {
  jx_check_options check;
  bool json;
  bool syntax_only;
  const char *output; /* -o FILE; NULL or "-" for standard output */
  const char *format; /* build: xml, iati, html, text, csv, markdown, xlsx */
  jx_report_options report;
};

static const char *const report_formats[] = {"html", "text", "csv", "markdown", "xlsx"};

static bool is_report_format(const char *f) {
  for (size_t i = 0; i < sizeof report_formats / sizeof report_formats[0]; i++)
    if (!strcmp(f, report_formats[i])) return true;
  return false;
}

/* Renders a printable format into a malloc'd buffer (all but xlsx). */
static char *render(jx_ctx *ctx, const char *format, const jx_tables *r,
                    const jx_report_options *opt, size_t *len) {
  char *buf = NULL;
  FILE *mem = open_memstream(&buf, len);
  if (!mem) return NULL;
  bool ok = !strcmp(format, "html")     ? jx_render_html(ctx, r, mem)
            : !strcmp(format, "text")   ? jx_render_text(ctx, r, opt, mem)
            : !strcmp(format, "csv")    ? jx_render_csv(ctx, r, opt, mem)
                                        : jx_render_markdown(ctx, r, mem);
  fclose(mem);
  if (!ok) {
    free(buf);
    return NULL;
  }
  return buf;
}

/* XLSX is written by libxlsxwriter to a file: a temporary one beside the
 * target, renamed when complete. */
static int write_xlsx(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                      const char *path) {
#ifdef HAVE_XLSXWRITER
  if (!path || !strcmp(path, "-")) {
    fputs("jxc: --format=xlsx writes a file: give it with -o FILE.xlsx.\n", stderr);
    return EXIT_USAGE;
  }
  char *tmp = jx_arena_printf(ctx->arena, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "jxc: cannot create %s: %s.\n", tmp, strerror(errno));
    return EXIT_USAGE;
  }
  close(fd);
  const char *why = NULL;
  if (!jx_render_xlsx(ctx, r, opt, tmp, &why) || rename(tmp, path) != 0) {
    fprintf(stderr, "jxc: cannot write %s: %s.\n", path, why ? why : strerror(errno));
    unlink(tmp);
    return EXIT_USAGE;
  }
  return EXIT_CLEAN;
#else
  (void)ctx;
  (void)r;
  (void)opt;
  (void)path;
  fputs("jxc: this jxc was built without XLSX support; install libxlsxwriter "
        "(Debian: libxlsxwriter-dev) and run configure again.\n", stderr);
  return EXIT_USAGE;
#endif
}

static int finish_check(jx_ctx *ctx, const jx_list *docs, int status,
                        const struct options *opt) {
  jx_check_filter(ctx, docs, &opt->check);
  if (opt->json) {
    jx_diags_print_json(ctx, stdout);
    if (status == EXIT_CLEAN && ctx->nerrors) status = EXIT_INPUT;
    jx_ctx_free(ctx);
    return status;
  }
  return finish(ctx, status);
}

/* Loads the standard library into ctx; prints why and returns false when it
 * cannot be used. */
static bool load_library(jx_ctx *ctx, jx_library *lib) {
  const char *dir = jx_stdlib_dir(ctx);
  const char *why = NULL;
  if (!dir || !jx_library_load(ctx, dir, lib, &why)) {
    fprintf(stderr, "jxc: cannot load the standard library: %s.\n",
            dir ? why : "no folder with units.jx found (set JIXIAO_STDLIB)");
    return false;
  }
  if (ctx->nerrors) {
    fputs("jxc: the standard library has errors:\n", stderr);
    jx_diags_print(ctx, stderr);
    return false;
  }
  return true;
}

/* jxc build: one document (from one or more root files) to the exchange
 * XML, validated against the schema before anything is written. */
static int cmd_build(int argc, char **argv, const struct options *opt) {
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  const char *format = opt->format ? opt->format : "xml";
  bool iati = !strcmp(format, "iati");
  if (strcmp(format, "xml") != 0 && !iati && !is_report_format(format)) {
    jx_ctx_free(ctx);
    return usage_error("build: unknown --format '%s' (use xml, iati, html, text, "
                       "csv, markdown or xlsx).", format);
  }
  jx_library lib;
  if (!load_library(ctx, &lib)) {
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *why = NULL;
  jx_document *doc = jx_document_load_all(ctx, argv, argc, &why);
  if (!doc) {
    fprintf(stderr, "jxc: %s.\n", why);
    return finish(ctx, EXIT_USAGE);
  }
  if (!ctx->nerrors) jx_check(ctx, doc, &lib);
  jx_list docs = {0};
  jx_list_push(ctx->arena, &docs, doc);
  jx_check_filter(ctx, &docs, &opt->check);
  if (ctx->nerrors) {
    jx_diags_print(ctx, stderr);
    summary(ctx);
    fputs("jxc: nothing was written, because the document has errors.\n", stderr);
    jx_ctx_free(ctx);
    return EXIT_INPUT;
  }
  jx_diags_print(ctx, stderr);
  summary(ctx);
  int status = EXIT_CLEAN;
  if (is_report_format(format)) {
    jx_report_options ropt = opt->report;
    /* Text fits the terminal it is shown on; elsewhere 100 columns. */
    struct winsize ws;
    if (!ropt.width)
      ropt.width = (!opt->output || !strcmp(opt->output, "-")) && isatty(STDOUT_FILENO) &&
                           ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40
                       ? ws.ws_col
                       : 100;
    jx_library doclib = jx_library_for_document(ctx, &lib, doc);
    jx_tables *r = jx_report_build(ctx, doc, &doclib, &ropt, &why);
    if (!r) {
      fprintf(stderr, "jxc: nothing to print: %s.\n", why);
      status = EXIT_USAGE;
    } else if (!strcmp(format, "xlsx")) {
      status = write_xlsx(ctx, r, &ropt, opt->output);
    } else {
      size_t len = 0;
      char *text = render(ctx, format, r, &ropt, &len);
      if (!text || !jx_write_file_atomic(ctx, opt->output ? opt->output : "-", text, len, &why)) {
        fprintf(stderr, "jxc: %s.\n", text ? why : "cannot render the tables");
        status = EXIT_USAGE;
      }
      free(text);
    }
    jx_ctx_free(ctx);
    return status;
  }
  xmlDocPtr xml;
  const char *xsd;
  if (iati) {
    jx_library doclib = jx_library_for_document(ctx, &lib, doc);
    xml = jx_iati_build(ctx, doc, &doclib);
    /* The IATI schema is not ours to ship; validate when told where it is. */
    const char *dir = getenv("JIXIAO_IATI_SCHEMA");
    xsd = dir && *dir ? jx_arena_printf(ctx->arena, "%s/iati-activities-schema.xsd", dir)
                      : NULL;
  } else {
    xml = jx_xml_build(ctx, doc);
    xsd = jx_schema_path(ctx);
  }
  if (!xml) {
    jx_diags_print(ctx, stderr);
    status = EXIT_INPUT;
  } else if (!xsd && !iati) {
    fputs("jxc: cannot find the schema jixiao-1.xsd (set JIXIAO_SCHEMA); "
          "nothing was written.\n", stderr);
    status = EXIT_USAGE;
  } else if (xsd && !jx_xml_validate(ctx, xml, xsd, &why)) {
    fprintf(stderr, "jxc: internal error: the XML made for this document does "
                    "not follow %s, so it was not written. Please report this "
                    "with the input.\n%s\n", xsd, why);
    status = EXIT_USAGE;
  } else {
    size_t len;
    char *text = jx_xml_serialize(xml, &len);
    const char *out = opt->output ? opt->output : "-";
    if (!jx_write_file_atomic(ctx, out, text, len, &why)) {
      fprintf(stderr, "jxc: %s.\n", why);
      status = EXIT_USAGE;
    }
    free(text);
  }
  if (xml) xmlFreeDoc(xml);
  jx_ctx_free(ctx);
  return status;
}

/* jxc import: an exchange XML document back into jixiao source. */
static int cmd_import(int argc, char **argv, const struct options *opt) {
  if (argc != 1) return usage_error("%s", "import takes exactly one FILE.xml.");
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  const char *xsd = jx_schema_path(ctx);
  if (!xsd) {
    fputs("jxc: cannot find the schema jixiao-1.xsd (set JIXIAO_SCHEMA).\n", stderr);
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *why = NULL;
  jx_file *f = jx_xml_import(ctx, argv[0], xsd, &why);
  if (!f) {
    if (why) fprintf(stderr, "jxc: %s.\n", why);
    return finish(ctx, why ? EXIT_USAGE : EXIT_INPUT);
  }
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  bool ok = mem && jx_format_file(ctx, f, mem);
  if (mem) fclose(mem);
  int status = EXIT_CLEAN;
  if (ok) {
    /* What import writes must read back: check it before writing it. */
    int before = ctx->nerrors;
    jx_parse(ctx, jx_source_add(ctx, "(imported source)", text, len));
    if (ctx->nerrors != before) {
      fputs("jxc: internal error: the source made from this XML does not read "
            "back; nothing was written. Please report this with the input.\n",
            stderr);
      status = EXIT_USAGE;
    } else if (!jx_write_file_atomic(ctx, opt->output ? opt->output : "-", text, len, &why)) {
      fprintf(stderr, "jxc: %s.\n", why);
      status = EXIT_USAGE;
    }
  }
  free(text);
  return finish(ctx, status);
}

static int cmd_check(int argc, char **argv, const struct options *opt) {
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  const char *dir = opt->syntax_only ? NULL : jx_stdlib_dir(ctx);
  jx_library lib;
  const char *why = NULL;
  if (!opt->syntax_only && (!dir || !jx_library_load(ctx, dir, &lib, &why))) {
    fprintf(stderr, "jxc: cannot load the standard library: %s.\n",
            dir ? why : "no folder with units.jx found (set JIXIAO_STDLIB)");
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  if (ctx->nerrors) {
    fputs("jxc: the standard library has errors:\n", stderr);
    return finish(ctx, EXIT_USAGE);
  }
  jx_list docs = {0};
  int status = EXIT_CLEAN;
  for (int i = 0; i < argc; i++) {
    /* The rules run only on documents that read without syntax errors: on a
     * half-read tree they would mostly repeat what the parser said. */
    int before = ctx->nerrors;
    jx_list one = {0};
    if (load_all(ctx, 1, argv + i, &one) != EXIT_CLEAN) status = EXIT_USAGE;
    if (!one.len) continue;
    jx_list_push(ctx->arena, &docs, one.items[0]);
    if (!opt->syntax_only && ctx->nerrors == before) jx_check(ctx, one.items[0], &lib);
  }
  return finish_check(ctx, &docs, status, opt);
}

static int cmd_dump(int argc, char **argv, const struct options *opt) {
  (void)opt;
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  jx_list docs = {0};
  int status = load_all(ctx, argc, argv, &docs);
  jx_json j;
  jx_json_init(&j, stdout);
  jx_json_begin_object(&j);
  jx_json_key(&j, "format");
  jx_json_string(&j, "jixiao-ast");
  jx_json_key(&j, "version");
  jx_json_int(&j, 1);
  jx_json_key(&j, "documents");
  jx_json_begin_array(&j);
  for (size_t i = 0; i < docs.len; i++) jx_dump_document(ctx, docs.items[i], &j);
  jx_json_end_array(&j);
  jx_json_end_object(&j);
  if (fflush(stdout) != 0) {
    fputs("jxc: cannot write the output.\n", stderr);
    status = EXIT_USAGE;
  }
  return finish(ctx, status);
}

/* Prints each file in the canonical layout, comments kept. */
static int cmd_format(int argc, char **argv, const struct options *opt) {
  (void)opt;
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  int status = EXIT_CLEAN;
  for (int i = 0; i < argc; i++) {
    int id = jx_source_load(ctx, argv[i]);
    if (id < 0) {
      fprintf(stderr, "jxc: cannot read %s: %s.\n", argv[i], strerror(errno));
      status = EXIT_USAGE;
      continue;
    }
    int before = ctx->nerrors;
    jx_file *f = jx_parse(ctx, id);
    /* A file with syntax errors is not printed: its tree is incomplete. */
    if (ctx->nerrors == before) jx_format_file(ctx, f, stdout);
  }
  return finish(ctx, status);
}

static int cmd_tokens(int argc, char **argv, const struct options *opt) {
  (void)opt;
  if (argc != 1) return usage_error("%s", "tokens takes exactly one FILE.");
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) return EXIT_USAGE;
  int id = jx_source_load(ctx, argv[0]);
  if (id < 0) {
    fprintf(stderr, "jxc: cannot read %s: %s.\n", argv[0], strerror(errno));
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  jx_dump_tokens(ctx, id, stdout);
  return finish(ctx, EXIT_CLEAN);
}

/* libxml2 prints some input problems (a bad declared encoding) straight to
 * stderr; every problem jxc cares about is reported as a diagnostic. */
static void quiet(void *data, const char *msg, ...) {
  (void)data;
  (void)msg;
}

int main(int argc, char **argv) {
  xmlInitParser();
  xmlSetGenericErrorFunc(NULL, quiet);
  if (argc < 2) return usage_error("%s", "no command given.");
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
    fputs(usage_text, stdout);
    return EXIT_CLEAN;
  }
  if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
    printf("jxc (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
    return EXIT_CLEAN;
  }
  int (*run)(int, char **, const struct options *) = NULL;
  if (!strcmp(cmd, "check"))
    run = cmd_check;
  else if (!strcmp(cmd, "dump"))
    run = cmd_dump;
  else if (!strcmp(cmd, "tokens"))
    run = cmd_tokens;
  else if (!strcmp(cmd, "format"))
    run = cmd_format;
  else if (!strcmp(cmd, "build"))
    run = cmd_build;
  else if (!strcmp(cmd, "import"))
    run = cmd_import;
  else
    return usage_error("unknown command '%s'.", cmd);
  struct options opt = {0};
  jx_ctx *scratch = jx_ctx_new(); /* owns option strings until exit */
  char **files = calloc((size_t)argc, sizeof *files);
  int nfiles = 0, status = -1;
  for (int i = 2; i < argc && status < 0; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage_text, stdout);
      status = EXIT_CLEAN;
    } else if ((run == cmd_build || run == cmd_import) && !strcmp(a, "-o")) {
      if (i + 1 >= argc) {
        status = usage_error("%s", "-o needs a FILE.");
        break;
      }
      opt.output = argv[++i];
    } else if ((run == cmd_build || run == cmd_import) && !strncmp(a, "--output=", 9)) {
      opt.output = a + 9;
    } else if (run == cmd_build && !strncmp(a, "--format=", 9)) {
      opt.format = a + 9;
    } else if (run == cmd_build && (!strcmp(a, "--project") || !strcmp(a, "--unit"))) {
      if (i + 1 >= argc) {
        status = usage_error("%s needs a CODE.", a);
        break;
      }
      *(a[2] == 'p' ? &opt.report.project : &opt.report.unit) = argv[++i];
    } else if (run == cmd_build && !strncmp(a, "--project=", 10)) {
      opt.report.project = a + 10;
    } else if (run == cmd_build && !strncmp(a, "--unit=", 7)) {
      opt.report.unit = a + 7;
    } else if (run == cmd_build && !strncmp(a, "--width=", 8)) {
      char *end;
      long w = strtol(a + 8, &end, 10);
      if (*end || w < 40 || w > 1000) {
        status = usage_error("--width: '%s' is not a width from 40 to 1000 columns.", a + 8);
        break;
      }
      opt.report.width = (int)w;
    } else if (run == cmd_build && !strcmp(a, "--bom")) {
      opt.report.bom = true;
    } else if (run == cmd_build && !strcmp(a, "--sheets=project")) {
      opt.report.sheet_per_project = true;
    } else if (run == cmd_build && !strcmp(a, "--sheets=unit")) {
      opt.report.sheet_per_project = false;
    } else if ((run == cmd_check || run == cmd_build) && !strcmp(a, "--warnings=error")) {
      opt.check.warnings_as_errors = true;
    } else if (run == cmd_check && !strcmp(a, "--syntax-only")) {
      opt.syntax_only = true;
    } else if (run == cmd_check && !strcmp(a, "--format=json")) {
      opt.json = true;
    } else if (run == cmd_check && !strcmp(a, "--format=text")) {
      opt.json = false;
    } else if ((run == cmd_check || run == cmd_build) && !strncmp(a, "--disable=", 10)) {
      char *codes = jx_arena_strdup(scratch->arena, a + 10);
      for (char *tok = strtok(codes, ","); tok; tok = strtok(NULL, ",")) {
        if (!jx_check_rule_known(tok)) {
          status = usage_error("--disable: '%s' is not a checker rule code "
                               "(see doc/checks.md).", tok);
          break;
        }
        jx_list_push(scratch->arena, &opt.check.disabled, tok);
      }
    } else if (a[0] == '-' && a[1]) {
      status = usage_error("unknown option '%s'.", a);
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (status < 0 && nfiles == 0) status = usage_error("%s", "no FILE given.");
  if (status < 0) status = run(nfiles, files, &opt);
  free(files);
  jx_ctx_free(scratch);
  return status;
}
