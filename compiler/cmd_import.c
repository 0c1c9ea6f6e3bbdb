/* jxc import: an exchange XML document back into jixiao source. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"
#include "parse.h"
#include "xml_read.h"

/* The source import makes, a budget unit at a time as the units are read,
 * so that neither the tree of the whole document nor that of its source is
 * ever held: each unit is formatted and read back, then let go. The reader
 * calls the sink from its builder's thread, while it parses and validates
 * the next units (xml_read.c); what formatting and reading back say goes
 * to a ctx of its own and joins the command's at the end. */

/* Everything it holds is jx_cmd_import's, which frees it. */
typedef struct making {
  jx_ctx *ctx;        /* the worker's: what formatting and reading back say */
  char *text;         /* the whole source so far (malloc'd), its length and room */
  size_t len, cap;
  jx_arena *scratch;  /* one unit's tree as it is read back */
  bool written;       /* every unit could be written in the language */
  bool reads_back;    /* every unit read back without an error */
  jx_list items;      /* the unit the reader gave last */
  bool first;
} making;

static void out_of_memory(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

/* Reads a unit's source back: what import writes must read back, and a
 * unit on its own is a file of the language. A piece that says anything is
 * registered as a source of the worker's ctx, so that its diagnostics show
 * its lines. */
static void read_back(making *m, const char *text, size_t len) {
  jx_ctx *ctx = m->ctx;
  size_t diags = ctx->diags.len;
  int errors = ctx->nerrors;
  int index = (int)ctx->sources.len;
  jx_source src;
  jx_source_describe(m->scratch, &src, "(imported source)", text, len);
  jx_parse_source(ctx, index, &src, m->scratch);
  if (ctx->diags.len != diags) jx_source_add(ctx, "(imported source)", text, len);
  if (ctx->nerrors != errors) m->reads_back = false;
  jx_arena_reset(m->scratch);
}

/* Appends a unit's source to the whole. The whole grows by doubling, with
 * realloc rather than a memory stream, which clears every byte it adds
 * before it is written. */
static void append(making *m, const char *text, size_t len) {
  if (m->len + len > m->cap) {
    size_t cap = m->cap ? m->cap : 1 << 16;
    while (cap < m->len + len) cap *= 2;
    char *grown = realloc(m->text, cap);
    if (!grown) out_of_memory();
    m->text = grown;
    m->cap = cap;
  }
  memcpy(m->text + m->len, text, len);
  m->len += len;
}

/* Formats a unit's items onto the source, then reads them back. */
static void make(making *m, const jx_list *items, bool first) {
  jx_ctx *ctx = m->ctx;
  if (!m->written || !m->reads_back) return;
  char *text = NULL; /* the unit's source alone */
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  if (!out) out_of_memory();
  m->written = jx_format_items(ctx, items, first, out);
  if (fclose(out)) out_of_memory();
  if (m->written) {
    read_back(m, text, len);
    append(m, text, len);
  }
  free(text);
}

/* The reader's sink: the unit's list, then the arena that holds it, which
 * is emptied for the next unit once the unit is made. */
static void unit_read(const jx_list *items, bool first, void *data) {
  making *m = data;
  m->items = *items;
  m->first = first;
}

static jx_arena *unit_arena(jx_arena *nodes, void *data) {
  making *m = data;
  make(m, &m->items, m->first);
  jx_arena_reset(nodes);
  return nodes;
}

/* Puts what the worker said into ctx before its diagnostics from index
 * at on (what the reader said at the end, after every unit: the order of
 * reading the units one after the other). The worker's first shared
 * sources stand for ctx's, the last of them for the XML, xml; the pieces
 * it registered become ctx's too. */
static void take_findings(jx_ctx *ctx, const jx_ctx *worker, int shared, int xml, size_t at) {
  jx_list later = jx_list_copy(ctx->arena, &ctx->diags);
  size_t nlater = ctx->diags.len - at;
  ctx->diags.len = at;
  int *index = calloc(worker->sources.len + 1, sizeof *index);
  if (!index) out_of_memory();
  for (int i = 0; i < shared; i++) index[i] = i;
  index[shared - 1] = xml;
  for (size_t i = (size_t)shared; i < worker->sources.len; i++) {
    const jx_source *s = worker->sources.items[i];
    index[i] = jx_source_add(ctx, s->path, s->text, s->len);
  }
  for (size_t i = 0; i < worker->diags.len; i++) {
    jx_diag *d = jx_diag_copy(ctx, worker->diags.items[i]);
    if (d->loc.file >= 0) d->loc.file = index[d->loc.file];
    for (size_t k = 0; k < d->notes.len; k++) {
      jx_diag_note *n = d->notes.items[k];
      if (n->loc.file >= 0) n->loc.file = index[n->loc.file];
    }
  }
  free(index);
  for (size_t i = 0; i < nlater; i++) jx_list_push(ctx->arena, &ctx->diags, later.items[at + i]);
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
  making m = {.written = true, .reads_back = true};
  /* The XML's text, let go once it is read (diagnostics read it again). */
  jx_arena *xml = jx_arena_new();
  m.ctx = jx_ctx_new();
  m.scratch = jx_arena_new();
  if (!xml || !m.ctx || !m.scratch) out_of_memory();
  /* The worker's findings name the XML (the source ctx registers next) or
   * pieces of its own: placeholders keep the XML's index there. */
  int shared = (int)ctx->sources.len + 1;
  for (int i = 0; i < shared; i++) jx_source_add(m.ctx, "(the XML)", "", 0);
  const char *why = NULL;
  int xml_file;
  jx_xml_items_sink sink = {unit_read, unit_arena, &m};
  size_t before = ctx->diags.len;
  bool read = jx_xml_import_units(ctx, xml, argv[0], xsd, &sink, &xml_file, &why);
  if (xml_file >= 0) jx_source_release(ctx, xml_file);
  jx_arena_free(xml);
  jx_arena_free(m.scratch);
  /* When the reader found the document wanting at its end, what formatting
   * the units before said is not the news (it never was when the whole
   * document was read first). */
  if (read) take_findings(ctx, m.ctx, shared, xml_file, before);
  jx_ctx_free(m.ctx);
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
  } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", m.text ? m.text : "", m.len)) {
    status = EXIT_USAGE;
  }
  free(m.text);
  return jx_cli_finish(ctx, cli, status);
}
