/* jxc check: read each document and run the checker on it. */
#include "cli.h"

#include <stdio.h>

#include "check.h"
#include "diag.h"
#include "document.h"
#include "i18n.h"
#include "sarif.h"

int jx_cmd_check(int argc, char **argv, const jx_cli *cli) {
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  jx_library lib;
  if (!cli->syntax_only && !jx_cli_load_library(ctx, &lib)) {
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  /* Only the files that diagnostics point into are kept, or read again. */
  ctx->release_sources = true;
  jx_allowances *allows = jx_allowances_new();
  int status = EXIT_CLEAN;
  for (int i = 0; i < argc; i++) {
    const char *why = NULL;
    bool ok = cli->syntax_only
                  /* Reading needs one file's tree at a time; nothing is kept. */
                  ? jx_document_stream(ctx, argv[i], NULL, NULL, &why)
                  : jx_check_path(ctx, &lib, allows, argv[i], &why);
    if (!ok) {
      fprintf(stderr, _("jxc: %s.\n"), why);
      status = EXIT_USAGE;
    }
  }
  jx_check_filter_allowances(ctx, allows, &cli->check);
  jx_allowances_free(allows);
  if (cli->diag_format == JX_DIAGS_TEXT) return jx_cli_finish(ctx, cli, status);
  jx_ctx limited = *ctx;
  if (cli->max_errors && limited.diags.len > cli->max_errors)
    limited.diags.len = cli->max_errors;
  if (cli->diag_format == JX_DIAGS_SARIF)
    jx_diags_print_sarif(&limited, stdout, 0);
  else
    jx_diags_print_json(&limited, stdout);
  if (limited.diags.len < ctx->diags.len)
    fprintf(stderr, _("jxc: %zu more diagnostics are not shown (--max-errors=%zu); "
                    "--max-errors=0 shows them all.\n"),
            ctx->diags.len - limited.diags.len, cli->max_errors);
  if (status == EXIT_CLEAN && ctx->nerrors) status = EXIT_INPUT;
  jx_ctx_free(ctx);
  return status;
}
