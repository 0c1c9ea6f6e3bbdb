#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "source.h"

bool jx_same_file(const char *a, const char *b) {
  struct stat x, y;
  return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
         x.st_ino == y.st_ino;
}

/* The source file of ctx that st is, or NULL. */
static const jx_source *read_as_source(const jx_ctx *ctx, const struct stat *st) {
  for (size_t i = 0; i < ctx->sources.len; i++) {
    const jx_source *s = ctx->sources.items[i];
    if (s->has_id && s->dev == (unsigned long long)st->st_dev &&
        s->ino == (unsigned long long)st->st_ino)
      return s;
  }
  return NULL;
}

/* False with *why when st, the output of o, is a source file of ctx. */
static bool not_a_source(const jx_ctx *ctx, const jx_output *o, const struct stat *st,
                         const char **why) {
  const jx_source *src = read_as_source(ctx, st);
  if (!src) return true;
  *why = jx_arena_printf(o->ctx->arena,
                         _("will not write %s: it is %s, which this run reads as "
                           "source; choose another output file"),
                         o->path, jx_same_file(o->path, src->path)
                                      ? _("that file")
                                      : jx_arena_printf(o->ctx->arena,
                                                        _("the same file as %s"), src->path));
  return false;
}

bool jx_output_not_source(const jx_ctx *ctx, const jx_output *o, const char **why) {
  struct stat st;
  if (!o->target || stat(o->target, &st) != 0) return true;
  return not_a_source(ctx, o, &st, why);
}

/* *why = fmt (marked N_, translated here) with the path and detail (NULL when
 * fmt has only the path). */
static bool fail(jx_output *o, const char **why, const char *fmt, const char *detail) {
  *why = jx_arena_printf(o->ctx->arena, _(fmt), o->path, detail);
  return false;
}

bool jx_output_open(jx_ctx *ctx, jx_output *o, const char *path, const char **why) {
  memset(o, 0, sizeof *o);
  o->ctx = ctx;
  o->path = path;
  o->fd = -1;
  if (!strcmp(path, "-")) {
    fflush(stdout); /* what stdio holds goes first */
    o->direct = true;
    o->fd = STDOUT_FILENO;
    return true;
  }
  o->target = path;
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
    char real[PATH_MAX];
    if (!realpath(path, real))
      return fail(o, why, N_("cannot write %s: it is a link to a file that does not "
                             "exist (%s)"), strerror(errno));
    o->target = jx_arena_strdup(ctx->arena, real);
  }
  if (stat(o->target, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return fail(o, why, N_("cannot write %s: it is a folder"), NULL);
    if (!not_a_source(ctx, o, &st, why)) return false;
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
      /* /dev/null, a terminal or a pipe: write through, never replace. */
      o->fd = open(o->target, O_WRONLY | O_CLOEXEC);
      if (o->fd < 0) return fail(o, why, N_("cannot write %s: %s"), strerror(errno));
      o->direct = true;
      return true;
    }
    if (!S_ISREG(st.st_mode))
      return fail(o, why, N_("cannot write %s: it is not a regular file"), NULL);
  }
  o->tmp = jx_arena_printf(ctx->arena, "%s.XXXXXX", o->target);
  o->fd = mkstemp(o->tmp);
  if (o->fd < 0) {
    *why = jx_arena_printf(ctx->arena, _("cannot create %s: %s"), o->tmp, strerror(errno));
    o->tmp = NULL;
    return false;
  }
  return true;
}

bool jx_output_write(jx_output *o, const char *data, size_t len, const char **why) {
  while (len) {
    ssize_t n = write(o->fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const char *reason = n < 0 ? strerror(errno) : _("nothing was written");
      *why = !strcmp(o->path, "-")
                 ? jx_arena_printf(o->ctx->arena, _("cannot write to standard output: %s"),
                                   reason)
                 : jx_arena_printf(o->ctx->arena, _("cannot write %s: %s"), o->path, reason);
      return false;
    }
    data += n;
    len -= (size_t)n;
  }
  return true;
}

void jx_output_release_fd(jx_output *o) {
  if (o->tmp && o->fd >= 0) close(o->fd);
  if (o->tmp) o->fd = -1;
}

/* The mode the output gets: that of the file it replaces, else what a plain
 * fopen would give (mkstemp makes the temp file private). */
static mode_t output_mode(const char *target) {
  struct stat st;
  if (stat(target, &st) == 0) return st.st_mode & 07777;
  mode_t mask = umask(022);
  umask(mask);
  return 0666 & ~mask;
}

bool jx_output_commit(jx_output *o, const char **why) {
  if (o->direct) {
    if (o->fd != STDOUT_FILENO && close(o->fd) != 0)
      return fail(o, why, N_("cannot write %s: %s"), strerror(errno));
    o->fd = -1;
    return true;
  }
  if (!o->tmp) return fail(o, why, N_("cannot write %s: it was not opened"), NULL);
  int fd = o->fd >= 0 ? o->fd : open(o->tmp, O_RDONLY | O_CLOEXEC);
  bool ok = fd >= 0 && fsync(fd) == 0 && fchmod(fd, output_mode(o->target)) == 0;
  int err = errno;
  if (fd >= 0 && close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  o->fd = -1;
  if (ok && rename(o->tmp, o->target) == 0) {
    o->tmp = NULL;
    return true;
  }
  if (ok) err = errno;
  jx_output_abort(o);
  return fail(o, why, N_("cannot write %s: %s"), strerror(err));
}

void jx_output_abort(jx_output *o) {
  if (o->fd >= 0 && !o->direct) close(o->fd);
  if (o->fd >= 0 && o->direct && o->fd != STDOUT_FILENO) close(o->fd);
  o->fd = -1;
  if (o->tmp) unlink(o->tmp);
  o->tmp = NULL;
}

bool jx_write_file_atomic(jx_ctx *ctx, const char *path, const char *data,
                          size_t len, const char **why) {
  jx_output o;
  if (!jx_output_open(ctx, &o, path, why)) return false;
  if (!jx_output_write(&o, data, len, why)) {
    jx_output_abort(&o);
    return false;
  }
  return jx_output_commit(&o, why);
}
