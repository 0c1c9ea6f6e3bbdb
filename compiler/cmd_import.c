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
  const char *why = NULL;
  jx_file *f = jx_xml_import(ctx, argv[0], xsd, &why);
  if (!f) {
    if (why) fprintf(stderr, _("jxc: %s.\n"), why);
    return jx_cli_finish(ctx, cli, why ? EXIT_USAGE : EXIT_INPUT);
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
      fputs(_("jxc: internal error: the source made from this XML does not read "
            "back; nothing was written. Please report this with the input.\n"),
            stderr);
      status = EXIT_USAGE;
    } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", text, len)) {
      status = EXIT_USAGE;
    }
  }
  free(text);
  return jx_cli_finish(ctx, cli, status);
}
