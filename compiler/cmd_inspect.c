/* jxc dump and jxc tokens: show what the front end reads, to explain a
 * document or a confusing syntax error. */
#include "cli.h"

#include <stdio.h>

#include "document.h"
#include "dump.h"
#include "i18n.h"
#include "json.h"
#include "parse.h"

/* One document of jxc dump, printed file by file as it is read. */
typedef struct dump_run {
  const jx_ctx *ctx;
  jx_json *j;
  bool begun; /* its root has been read and its object opened */
} dump_run;

static void dump_streamed(const jx_file *f, void *data) {
  dump_run *d = data;
  if (!d->begun) jx_dump_document_begin(d->ctx, f, d->j);
  d->begun = true;
  jx_dump_file(d->ctx, f, d->j);
}

int jx_cmd_dump(int argc, char **argv, const jx_cli *cli) {
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  int status = EXIT_CLEAN;
  jx_json j;
  jx_json_init(&j, stdout);
  jx_json_begin_object(&j);
  jx_json_key(&j, "format");
  jx_json_string(&j, "jixiao-ast");
  jx_json_key(&j, "version");
  jx_json_int(&j, 1);
  jx_json_key(&j, "documents");
  jx_json_begin_array(&j);
  for (int i = 0; i < argc; i++) {
    /* Each file is printed as soon as it is read, and its tree let go: a
     * province's dump needs the memory of one file's tree. */
    dump_run d = {ctx, &j, false};
    const char *why = NULL;
    if (!jx_document_stream(ctx, argv[i], dump_streamed, &d, &why)) {
      fprintf(stderr, _("jxc: %s.\n"), why);
      status = EXIT_USAGE;
    }
    if (d.begun) jx_dump_document_end(&j);
  }
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
