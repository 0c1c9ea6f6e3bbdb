/* jxc diff OLD NEW: compare two documents (files or folders), typically two
 * budget years of one department, as budgets and targets (diff.h). Exit
 * status as diff(1): 0 when they do not differ, 1 when they do, 2 when one
 * cannot be read or compared.
 *
 * Given git's seven (or nine) arguments, PATH OLD-FILE OLD-HEX OLD-MODE
 * NEW-FILE NEW-HEX NEW-MODE [NEW-PATH MESSAGE], it works as git's external
 * diff driver (doc/git.md): each file is compared on its own (git shows
 * every changed file of a document separately, and the temporary files it
 * writes cannot import their neighbours), the header a unit file lacks is
 * taken from main.jx beside PATH, /dev/null is an empty document, a file
 * that does not read is shown as a line diff, and the exit status is 0
 * (git stops at a driver that exits otherwise). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "diff.h"
#include "document.h"
#include "i18n.h"
#include "parse.h"
#include "textdiff.h"

static bool all_of(const char *s, const char *set) {
  return *s && strspn(s, set) == strlen(s);
}

static bool git_mode_arg(const char *s) { return !strcmp(s, ".") || (strlen(s) == 6 && all_of(s, "01234567")); }

static bool git_hex_arg(const char *s) {
  return !strcmp(s, ".") || (strlen(s) >= 7 && all_of(s, "0123456789abcdef"));
}

/* Whether the operands are those git gives an external diff driver. */
static bool is_git_call(int argc, char **argv) {
  return (argc == 7 || argc == 9) && git_hex_arg(argv[2]) && git_mode_arg(argv[3]) &&
         git_hex_arg(argv[5]) && git_mode_arg(argv[6]);
}

/* One file on its own, its imports not followed; /dev/null (git's side of
 * an added or deleted file) is a document without files. NULL with *why
 * when the file cannot be read. */
static jx_document *single_file(jx_ctx *ctx, const char *path, const char **why) {
  jx_document *doc = jx_arena_alloc(ctx->arena, sizeof *doc);
  if (!strcmp(path, "/dev/null")) return doc;
  int id = jx_source_load(ctx, path, why);
  if (id < 0) return NULL;
  jx_file *f = jx_parse(ctx, id);
  jx_list_push(ctx->arena, &doc->files, f);
  jx_list_push(ctx->arena, &doc->roots, f);
  return doc;
}

/* For git: main.jx in the folder of PATH (in the working tree), parsed on
 * its own into its own ctx, when PATH is another file of a document. */
static jx_document *git_context(jx_ctx *cctx, const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  if (!strcmp(base, "main.jx")) return NULL;
  const char *main_path = slash ? jx_arena_printf(cctx->arena, "%.*s/main.jx",
                                                  (int)(slash - path), path)
                                : "main.jx";
  struct stat st;
  if (stat(main_path, &st) != 0 || !S_ISREG(st.st_mode)) return NULL;
  const char *why = NULL;
  return single_file(cctx, main_path, &why);
}

/* The report is coloured as the diagnostics are, but never in a file. */
static bool use_color(const jx_cli *cli) {
  if (cli->color < 0 && cli->output && strcmp(cli->output, "-")) return false;
  return jx_cli_use_color(cli, STDOUT_FILENO);
}

/* git: a file that does not read is shown as lines. */
static int git_line_diff(jx_ctx *ctx, const char *path, const char *old_file,
                         const char *new_file) {
  const char *texts[2] = {"", ""};
  size_t lens[2] = {0, 0};
  const char *files[2] = {old_file, new_file};
  for (int i = 0; i < 2; i++) {
    for (size_t k = 0; k < ctx->sources.len; k++) {
      const jx_source *s = ctx->sources.items[k];
      if (!strcmp(s->path, files[i])) {
        texts[i] = s->text;
        lens[i] = s->len;
      }
    }
  }
  printf(P_("jxc diff: %s does not read as jixiao (%d syntax error); its lines are "
            "compared instead. Run jxc check on it to see the errors.\n",
            "jxc diff: %s does not read as jixiao (%d syntax errors); its lines are "
            "compared instead. Run jxc check on it to see the errors.\n", ctx->nerrors),
         path, ctx->nerrors);
  jx_unified_diff(jx_arena_printf(ctx->arena, "a/%s", path), texts[0], lens[0],
                  jx_arena_printf(ctx->arena, "b/%s", path), texts[1], lens[1], 3, stdout);
  jx_ctx_free(ctx);
  return EXIT_CLEAN;
}

int jx_cmd_diff(int argc, char **argv, const jx_cli *cli) {
  bool git = is_git_call(argc, argv);
  if (argc == 1 && getenv("GIT_DIFF_PATH_COUNTER")) {
    /* git names an unmerged path alone. */
    printf(_("jxc diff: %s is unmerged; resolve the conflict, then compare.\n"), argv[0]);
    return EXIT_CLEAN;
  }
  if (!git && argc != 2)
    return jx_cli_usage_error("diff compares two documents: give OLD and NEW "
                                    "(each a file or a folder).", NULL);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  jx_library lib;
  if (!jx_cli_load_library(ctx, &lib)) {
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *paths[2] = {git ? argv[1] : argv[0], git ? argv[4] : argv[1]};
  jx_document *docs[2];
  jx_ctx *cctx = NULL;
  jx_document *context = NULL;
  for (int i = 0; i < 2; i++) {
    const char *why = NULL;
    docs[i] = git ? single_file(ctx, paths[i], &why) : jx_document_load(ctx, paths[i], &why);
    if (!docs[i]) {
      fprintf(stderr, _("jxc: %s.\n"), why);
      jx_ctx_free(ctx);
      return EXIT_USAGE;
    }
  }
  if (ctx->nerrors) {
    if (git) return git_line_diff(ctx, argv[0], paths[0], paths[1]);
    jx_cli_print_diags(ctx, cli);
    fputs(_("jxc: the documents cannot be compared while they have syntax errors; "
          "correct them (jxc check shows them all) and compare again.\n"), stderr);
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  if (git) {
    cctx = jx_ctx_new();
    if (cctx) context = git_context(cctx, argv[0]);
  }
  jx_diff_input in_old = {git ? jx_arena_printf(ctx->arena, "a/%s", argv[0]) : paths[0], docs[0],
                          context};
  jx_diff_input in_new = {git ? jx_arena_printf(ctx->arena, "b/%s", argv[7 < argc ? 7 : 0])
                              : paths[1],
                          docs[1], context};
  jx_diff_options opt = {&cli->matches};
  const char *why = NULL;
  jx_diff *d = jx_diff_build(ctx, &lib, &in_old, &in_new, &opt, &why);
  if (!d) {
    fprintf(stderr, _("jxc: %s.\n"), why);
    jx_ctx_free(cctx);
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *format = cli->format ? cli->format : "text";
  jx_diff_render_options ropt = {cli->stat, !strcmp(format, "text") && use_color(cli)};
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  bool ok = mem != NULL;
  if (ok) {
    ok = !strcmp(format, "json")       ? jx_diff_render_json(ctx, d, &ropt, mem)
         : !strcmp(format, "markdown") ? jx_diff_render_markdown(ctx, d, &ropt, mem)
         : !strcmp(format, "html")     ? jx_diff_render_html(ctx, d, &ropt, mem)
                                       : jx_diff_render_text(ctx, d, &ropt, mem);
    ok &= fclose(mem) == 0;
  }
  int status = !ok                                   ? EXIT_USAGE
               : !jx_cli_write(ctx, cli->output ? cli->output : "-", buf, len) ? EXIT_USAGE
               : git || !d->differs                  ? EXIT_CLEAN
                                                     : 1;
  if (!ok) fputs(_("jxc: out of memory while writing the report.\n"), stderr);
  free(buf);
  jx_ctx_free(cctx);
  jx_ctx_free(ctx);
  return status;
}
