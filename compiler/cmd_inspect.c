/* jxc dump and jxc tokens: show what the front end reads, to explain a
 * document or a confusing syntax error. */
#include "cli.h"

#include <stdio.h>

#include "document.h"
#include "dump.h"
#include "i18n.h"
#include "json.h"
#include "parse.h"

int jx_cmd_dump(int argc, char **argv, const jx_cli *cli) {
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  int status = EXIT_CLEAN;
  jx_list docs = {0};
  for (int i = 0; i < argc; i++) {
    const char *why = NULL;
    jx_document *doc = jx_document_load(ctx, argv[i], &why);
    if (!doc) {
      fprintf(stderr, _("jxc: %s.\n"), why);
      status = EXIT_USAGE;
      continue;
    }
    jx_list_push(ctx->arena, &docs, doc);
  }
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
  return jx_cli_finish(ctx, cli, status);
}

int jx_cmd_tokens(int argc, char **argv, const jx_cli *cli) {
  if (argc != 1) return jx_cli_usage_error("tokens takes exactly one FILE.", NULL);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  const char *why = NULL;
  int id = jx_source_load(ctx, argv[0], &why);
  if (id < 0) {
    fprintf(stderr, _("jxc: %s.\n"), why);
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  jx_dump_tokens(ctx, id, stdout);
  return jx_cli_finish(ctx, cli, EXIT_CLEAN);
}
