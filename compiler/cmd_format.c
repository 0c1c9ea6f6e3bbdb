/* jxc format: print each file in the canonical layout, comments kept. */
#include "cli.h"

#include <stdio.h>

#include "format.h"
#include "parse.h"

int jx_cmd_format(int argc, char **argv, const jx_cli *cli) {
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  int status = EXIT_CLEAN;
  for (int i = 0; i < argc; i++) {
    const char *why = NULL;
    int id = jx_source_load(ctx, argv[i], &why);
    if (id < 0) {
      fprintf(stderr, "jxc: %s.\n", why);
      status = EXIT_USAGE;
      continue;
    }
    int before = ctx->nerrors;
    jx_file *f = jx_parse(ctx, id);
    /* A file with syntax errors is not printed: its tree is incomplete. */
    if (ctx->nerrors == before) jx_format_file(ctx, f, stdout);
  }
  return jx_cli_finish(ctx, cli, status);
}
