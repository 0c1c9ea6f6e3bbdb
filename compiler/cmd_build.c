/* jxc build: one document (from one or more root files) to the exchange XML,
 * the IATI export, or the printable tables. Nothing is written when the
 * document has errors or the output does not validate. */
#include <config.h>

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include "diag.h"
#include "document.h"
#include "i18n.h"
#include "iati.h"
#include "xml_write.h"

static const char *const report_formats[] = {"html", "text", "csv", "markdown", "xlsx", "pdf"};

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

#ifdef HAVE_XLSXWRITER
struct xlsx_job {
  jx_ctx *ctx;
  const jx_tables *r;
  const jx_report_options *opt;
};

static bool write_xlsx_to(const char *tmp, void *data, const char **why) {
  struct xlsx_job *job = data;
  return jx_render_xlsx(job->ctx, job->r, job->opt, tmp, why);
}
#endif

/* XLSX is written by libxlsxwriter to a file: the temporary one of the
 * output, renamed when complete. */
static int write_xlsx(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                      const char *path) {
#ifdef HAVE_XLSXWRITER
  if (!path || !strcmp(path, "-")) {
    fputs(_("jxc: --format=xlsx writes a file: give it with -o FILE.xlsx.\n"), stderr);
    return EXIT_USAGE;
  }
  struct xlsx_job job = {ctx, r, opt};
  return jx_cli_write_with(ctx, path, write_xlsx_to, &job) ? EXIT_CLEAN : EXIT_USAGE;
#else
  (void)ctx;
  (void)r;
  (void)opt;
  (void)path;
  fputs(_("jxc: this jxc was built without XLSX support; install libxlsxwriter "
        "(Debian: libxlsxwriter-dev) and run configure again.\n"), stderr);
  return EXIT_USAGE;
#endif
}

#ifdef HAVE_PDF
struct pdf_job {
  jx_ctx *ctx;
  const jx_tables *r;
  const jx_report_options *opt;
};

static bool write_pdf_to(const char *tmp, void *data, const char **why) {
  struct pdf_job *job = data;
  return jx_render_pdf(job->ctx, job->r, job->opt, tmp, why);
}
#endif

/* PDF is written by cairo to a file: the temporary one of the output,
 * renamed when complete. */
static int write_pdf(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                     const char *path) {
#ifdef HAVE_PDF
  if (!path || !strcmp(path, "-")) {
    fputs(_("jxc: --format=pdf writes a file: give it with -o FILE.pdf.\n"), stderr);
    return EXIT_USAGE;
  }
  struct pdf_job job = {ctx, r, opt};
#ifdef __GLIBC__
  /* cairo copies each embedded font's CFF table (some 20 MB for a CJK face)
   * into a new buffer, twice per face. From the heap, and kept there when
   * freed, the buffers reuse the same pages instead of faulting in fresh
   * ones each time: a fifth of the time of the example's PDF. */
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  return jx_cli_write_with(ctx, path, write_pdf_to, &job) ? EXIT_CLEAN : EXIT_USAGE;
#else
  (void)ctx;
  (void)r;
  (void)opt;
  (void)path;
  fputs(_("jxc: this jxc was built without PDF support; install cairo and pango "
        "(Debian: apt-get install libcairo2-dev libpango1.0-dev, or run "
        "tools/install-deps.sh) and run configure again.\n"), stderr);
  return EXIT_USAGE;
#endif
}

static int build_tables(jx_ctx *ctx, const jx_cli *cli, const char *format,
                        const jx_document *doc, const jx_library *lib) {
  jx_report_options ropt = cli->report;
  /* Text fits the terminal it is shown on; elsewhere 100 columns. */
  struct winsize ws;
  if (!ropt.width)
    ropt.width = (!cli->output || !strcmp(cli->output, "-")) && isatty(STDOUT_FILENO) &&
                         ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40
                     ? ws.ws_col
                     : 100;
  /* ≥ and ≤ at the width the terminal draws them: as told, else as the
   * terminal the text goes to says, else one column. */
  bool to_terminal = (!cli->output || !strcmp(cli->output, "-")) && isatty(STDOUT_FILENO);
  if (!strcmp(format, "text"))
    ropt.ambiguous_wide = cli->ambiguous ? cli->ambiguous == 2
                          : to_terminal && jx_cli_terminal_ambiguous_width(STDOUT_FILENO) == 2;
  jx_library doclib = jx_library_for_document(ctx, lib, doc);
  const char *why = NULL;
  jx_tables *r = jx_report_build(ctx, doc, &doclib, &ropt, &why);
  if (!r) {
    fprintf(stderr, _("jxc: nothing to print: %s.\n"), why);
    return EXIT_USAGE;
  }
  if (!strcmp(format, "xlsx")) return write_xlsx(ctx, r, &ropt, cli->output);
  if (!strcmp(format, "pdf")) return write_pdf(ctx, r, &ropt, cli->output);
  size_t len = 0;
  char *text = render(ctx, format, r, &ropt, &len);
  int status = EXIT_CLEAN;
  if (!text) {
    fputs(_("jxc: cannot render the tables.\n"), stderr);
    status = EXIT_USAGE;
  } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", text, len)) {
    status = EXIT_USAGE;
  }
  free(text);
  return status;
}

static int build_xml(jx_ctx *ctx, const jx_cli *cli, bool iati,
                     const jx_document *doc, const jx_library *lib) {
  size_t shown = ctx->diags.len;
  xmlDocPtr xml;
  const char *xsd;
  if (iati) {
    jx_library doclib = jx_library_for_document(ctx, lib, doc);
    xml = jx_iati_build(ctx, doc, &doclib);
    /* The IATI schema is not ours to ship; validate when told where it is. */
    const char *dir = getenv("JIXIAO_IATI_SCHEMA");
    xsd = dir && *dir ? jx_arena_printf(ctx->arena, "%s/iati-activities-schema.xsd", dir)
                      : NULL;
  } else {
    xml = jx_xml_build(ctx, doc);
    xsd = jx_schema_path(ctx);
  }
  int status = EXIT_CLEAN;
  const char *why = NULL;
  if (!xml) {
    /* What the XML writer reported; the checker's findings are out already. */
    for (size_t i = shown; i < ctx->diags.len; i++)
      jx_diag_print(ctx, ctx->diags.items[i], stderr);
    status = EXIT_INPUT;
  } else if (!xsd && !iati) {
    fputs(_("jxc: cannot find the schema jixiao-1.xsd (set JIXIAO_SCHEMA); "
          "nothing was written.\n"), stderr);
    status = EXIT_USAGE;
  } else if (xsd && !jx_xml_validate(ctx, xml, xsd, &why)) {
    fprintf(stderr, _("jxc: internal error: the XML made for this document does "
                    "not follow %s, so it was not written. Please report this "
                    "with the input.\n%s\n"), xsd, why);
    status = EXIT_USAGE;
  } else {
    size_t len;
    char *text = jx_xml_serialize(xml, &len);
    if (!jx_cli_write(ctx, cli->output ? cli->output : "-", text, len)) status = EXIT_USAGE;
    free(text);
  }
  if (xml) xmlFreeDoc(xml);
  return status;
}

int jx_cmd_build(int argc, char **argv, const jx_cli *cli) {
  const char *format = cli->format ? cli->format : "xml";
  bool iati = !strcmp(format, "iati");
  if (strcmp(format, "xml") != 0 && !iati && !is_report_format(format))
    return jx_cli_usage_error("build: unknown --format '%s' (use xml, iati, pdf, html, "
                              "text, csv, markdown or xlsx).", format);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  jx_library lib;
  if (!jx_cli_load_library(ctx, &lib)) {
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *why = NULL;
  jx_document *doc = jx_document_load_all(ctx, argv, argc, &why);
  if (!doc) {
    fprintf(stderr, _("jxc: %s.\n"), why);
    return jx_cli_finish(ctx, cli, EXIT_USAGE);
  }
  if (!ctx->nerrors) jx_check(ctx, doc, &lib);
  jx_list docs = {0};
  jx_list_push(ctx->arena, &docs, doc);
  jx_check_filter(ctx, &docs, &cli->check);
  jx_cli_print_diags(ctx, cli);
  int status;
  if (ctx->nerrors) {
    fputs(_("jxc: nothing was written, because the document has errors.\n"), stderr);
    status = EXIT_INPUT;
  } else if (is_report_format(format)) {
    status = build_tables(ctx, cli, format, doc, &lib);
  } else {
    status = build_xml(ctx, cli, iati, doc, &lib);
  }
  jx_ctx_free(ctx);
  return status;
}
