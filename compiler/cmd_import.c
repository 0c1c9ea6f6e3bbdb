/* jxc import: an exchange XML document back into jixiao source. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "i18n.h"
#include "parse.h"
#include "xml_read.h"

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
  /* The XML's text and the tree read from it, then the tree of the source
   * made from it read back: the second takes the pages of the first, which
   * a fresh arena would have the kernel clear again (most of the time of an
   * import on a virtual machine). */
  jx_arena *tree = jx_arena_new();
  if (!tree) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  const char *why = NULL;
  jx_file *f = jx_xml_import(ctx, tree, argv[0], xsd, &why);
  if (!f) {
    if (why) fprintf(stderr, _("jxc: %s.\n"), why);
    int status = jx_cli_finish(ctx, cli, why ? EXIT_USAGE : EXIT_INPUT);
    jx_arena_free(tree);
    return status;
  }
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  bool ok = mem && jx_format_file(ctx, f, mem);
  if (mem) fclose(mem);
  jx_source_release(ctx, f->file);
  jx_arena_reset(tree);
  int status = EXIT_CLEAN;
  if (ok) {
    /* What import writes must read back: check it before writing it. The
     * source keeps the text (for the diagnostics), so the formatted copy is
     * freed at once. */
    int before = ctx->nerrors;
    const jx_source *src = jx_ctx_source(ctx, jx_source_add(ctx, "(imported source)", text, len));
    free(text);
    text = NULL;
    jx_parse_in(ctx, (int)ctx->sources.len - 1, tree);
    if (ctx->nerrors != before) {
      fputs(_("jxc: internal error: the source made from this XML does not read "
            "back; nothing was written. Please report this with the input.\n"),
            stderr);
      status = EXIT_USAGE;
    } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", src->text, src->len)) {
      status = EXIT_USAGE;
    }
  }
  free(text);
  status = jx_cli_finish(ctx, cli, status);
  jx_arena_free(tree);
  return status;
}
