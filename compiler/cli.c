#include <config.h>

#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

int jx_cli_usage_error(const char *fmt, const char *arg) {
  fputs("jxc: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'jxc --help' for more information.\n", stderr);
  return EXIT_USAGE;
}

jx_ctx *jx_cli_ctx(const jx_cli *cli) {
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) {
    fputs("jxc: out of memory.\n", stderr);
    return NULL;
  }
  for (size_t i = 0; i < cli->import_dirs.len; i++)
    jx_list_push(ctx->arena, &ctx->import_dirs,
                 jx_arena_strdup(ctx->arena, cli->import_dirs.items[i]));
  return ctx;
}

bool jx_cli_load_library(jx_ctx *ctx, jx_library *lib) {
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

void jx_cli_print_diags(const jx_ctx *ctx, const jx_cli *cli) {
  jx_diags_print_some(ctx, stderr, cli->max_errors);
  if (!ctx->nerrors && !ctx->nwarnings) return;
  fprintf(stderr, "%d error%s, %d warning%s.\n", ctx->nerrors,
          ctx->nerrors == 1 ? "" : "s", ctx->nwarnings,
          ctx->nwarnings == 1 ? "" : "s");
}

int jx_cli_finish(jx_ctx *ctx, const jx_cli *cli, int status) {
  jx_cli_print_diags(ctx, cli);
  if (status == EXIT_CLEAN && ctx->nerrors) status = EXIT_INPUT;
  jx_ctx_free(ctx);
  return status;
}

/* --- output and signals ------------------------------------------------- */

/* The temporary output file that exists right now, for the signal handler;
 * set only while a write is under way. */
static const char *volatile pending_tmp;

static void remove_pending(int sig) {
  const char *tmp = pending_tmp;
  if (tmp) unlink(tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

void jx_cli_install_signal_handlers(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_pending;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
}

static bool opened(jx_ctx *ctx, jx_output *o, const char *path) {
  const char *why = NULL;
  if (!jx_output_open(ctx, o, path, &why)) {
    fprintf(stderr, "jxc: %s.\n", why);
    return false;
  }
  pending_tmp = o->tmp;
  return true;
}

static bool committed(jx_output *o, bool ok, const char *why) {
  if (ok && !jx_output_commit(o, &why)) ok = false;
  if (!ok) {
    jx_output_abort(o);
    fprintf(stderr, "jxc: %s.\n", why);
  }
  pending_tmp = NULL;
  return ok;
}

bool jx_cli_write(jx_ctx *ctx, const char *path, const char *data, size_t len) {
  jx_output o;
  if (!opened(ctx, &o, path)) return false;
  const char *why = NULL;
  bool ok = jx_output_write(&o, data, len, &why);
  return committed(&o, ok, why);
}

bool jx_cli_write_with(jx_ctx *ctx, const char *path,
                       bool (*write)(const char *tmp, void *data, const char **why),
                       void *data) {
  jx_output o;
  if (!opened(ctx, &o, path)) return false;
  if (!o.tmp) {
    jx_output_abort(&o);
    pending_tmp = NULL;
    fprintf(stderr, "jxc: cannot write %s: this format is written as a file; "
                    "name a file with -o.\n", path);
    return false;
  }
  jx_output_release_fd(&o);
  const char *why = NULL;
  bool ok = write(o.tmp, data, &why);
  return committed(&o, ok, why);
}

int jx_cli_close_stdout(int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "jxc: cannot write to standard output: %s.\n", strerror(errno));
    return EXIT_USAGE;
  }
  return status;
}
