/* jxc import: an exchange XML document back into jixiao source. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"
#include "parse.h"
#include "xml_read.h"

/* The source import makes, a budget unit at a time as the units are read,
 * so that neither the tree of the whole document nor that of its source is
 * ever held: each unit is formatted and read back, then let go. */
typedef struct making {
  jx_ctx *ctx;
  FILE *out;          /* the whole source so far, in memory */
  char **text;        /* out's buffer, and its length */
  size_t *len;
  jx_arena *scratch;  /* one unit's tree as it is read back */
  bool written;       /* every unit could be written in the language */
  bool reads_back;    /* every unit read back without an error */
  size_t said;        /* ctx->diags.len after the last unit */
} making;

static void out_of_memory(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

/* Formats a unit's items onto the source, then reads them back: what
 * import writes must read back, and a unit on its own is a file of the
 * language. A piece that says anything is registered as a source, so that
 * its diagnostics show its lines. */
static void piece(const jx_list *items, bool first, void *data) {
  making *m = data;
  jx_ctx *ctx = m->ctx;
  if (!m->written || !m->reads_back) return;
  if (fflush(m->out)) out_of_memory();
  size_t start = *m->len;
  m->written = jx_format_items(ctx, items, first, m->out);
  if (fflush(m->out)) out_of_memory();
  m->said = ctx->diags.len;
  if (!m->written) return;
  const char *text = *m->text + start; /* NUL-terminated by the stream */
  size_t len = *m->len - start;
  size_t diags = ctx->diags.len;
  int errors = ctx->nerrors;
  int index = (int)ctx->sources.len;
  jx_source src;
  jx_source_describe(m->scratch, &src, "(imported source)", text, len);
  jx_parse_source(ctx, index, &src, m->scratch);
  if (ctx->diags.len != diags) jx_source_add(ctx, "(imported source)", text, len);
  if (ctx->nerrors != errors) m->reads_back = false;
  jx_arena_reset(m->scratch);
  m->said = ctx->diags.len;
}

int jx_cmd_import(int argc, char **argv, const jx_cli *cli) {
  if (argc != 1) return jx_cli_usage_error("import takes exactly one FILE.xml.", NULL);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  const char *xsd = jx_schema_path(ctx);
  if (!xsd) {
    fputs(_("jxc: cannot find the schema jixiao-1.xsd (set JIXIAO_SCHEMA).\n"), stderr);
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  char *text = NULL;
  size_t len = 0;
  making m = {.ctx = ctx, .text = &text, .len = &len, .written = true, .reads_back = true};
  /* The XML's text, let go once it is read (diagnostics read it again). */
  jx_arena *xml = jx_arena_new();
  m.scratch = jx_arena_new();
  m.out = open_memstream(&text, &len);
  if (!xml || !m.scratch || !m.out) out_of_memory();
  const char *why = NULL;
  int xml_file;
  jx_xml_items_sink sink = {piece, &m};
  size_t before = m.said = ctx->diags.len;
  bool read = jx_xml_import_units(ctx, xml, argv[0], xsd, &sink, &xml_file, &why);
  /* The reader reports what it found after the last unit. When it found
   * the document wanting, what formatting the units before said is not
   * the news (it never was when the whole document was read first). */
  if (!read) jx_diags_forget(ctx, before, m.said);
  if (xml_file >= 0) jx_source_release(ctx, xml_file);
  jx_arena_free(xml);
  jx_arena_free(m.scratch);
  if (fclose(m.out)) out_of_memory();
  int status = EXIT_CLEAN;
  if (!read) {
    if (why) fprintf(stderr, _("jxc: %s.\n"), why);
    status = why ? EXIT_USAGE : EXIT_INPUT;
  } else if (!m.written) {
    status = EXIT_INPUT;
  } else if (!m.reads_back) {
    fputs(_("jxc: internal error: the source made from this XML does not read "
            "back; nothing was written. Please report this with the input.\n"),
          stderr);
    status = EXIT_USAGE;
  } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", text, len)) {
    status = EXIT_USAGE;
  }
  free(text);
  return jx_cli_finish(ctx, cli, status);
}
