/* libFuzzer harness for jxc import: any bytes as an exchange XML file must
 * be refused with diagnostics or imported into source that reads back,
 * without a crash, a leak or a hang. Run with `make fuzz-import`. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ctx.h"
#include "format.h"
#include "parse.h"
#include "xml_read.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  char path[] = "/tmp/jx-fuzz-import-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  jx_ctx *ctx = jx_ctx_new();
  const char *xsd = getenv("JIXIAO_SCHEMA_FILE");
  const char *why = NULL;
  jx_file *f = jx_xml_import(ctx, ctx->arena, path, xsd ? xsd : "schema/jixiao-1.xsd", &why);
  unlink(path);
  if (f) {
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool ok = jx_format_file(ctx, f, out);
    fclose(out);
    int before = ctx->nerrors;
    if (ok) jx_parse(ctx, jx_source_add(ctx, "imported.jx", text, len));
    /* What import writes must always read back. */
    if (ok && ctx->nerrors != before) abort();
    free(text);
  }
  jx_ctx_free(ctx);
  return 0;
}
