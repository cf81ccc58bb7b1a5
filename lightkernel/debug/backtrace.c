/* What a VM built with -fgpuvm-backtrace prints as it crashes or aborts
 * (gpuvm/backtrace.h). */
#include <lightkernel/backtrace.h>
#include <lightkernel/confine.h>
#include <lightkernel/text.h>

#include <gpuvm/backtrace.h>

#include "../rpc/host.h"

/* Without -fgpuvm-backtrace nothing replaces it, and there are no frames;
 * weak, so that no caller takes its answer in before gpu-c++ gives it the
 * real body. */
__attribute__((weak, noinline)) uint32_t
__gpuvm_backtrace(const struct gpuvm_backtrace_frame **frames) {
  *frames = 0;
  return 0;
}

/* The ring lies in the VM's slice, where a wild write may have reached. */
static const char *readable(const char *text) {
  return text && lk_may_read_string(text, 4096) ? text : "(overwritten)";
}

/* One line on the console's stderr: before, number, then the parts up to
 * the first null. A line longer than the buffer is cut there, and says so. */
static void print_line(const char *before, uint32_t number, const char *const *parts) {
  char line[1024];
  char *out = line, *end = line + sizeof line - 4;
  lk_append(&out, end, before);
  lk_append_number(&out, end, number, 10);
  for (; *parts; ++parts)
    lk_append(&out, end, *parts);
  if (out == end)
    lk_append(&out, line + sizeof line - 1, "...");
  *out++ = '\n';
  host_write(2, line, (size_t)(out - line), -1);
}

void lk_print_backtrace(void) {
  const struct gpuvm_backtrace_frame *frames;
  const uint32_t depth = __gpuvm_backtrace(&frames);
  if (!depth || !lk_may_read(frames, GPUVM_BACKTRACE_FRAMES * sizeof *frames))
    return;
  static const char heading[] = "backtrace, innermost first:\n";
  host_write(2, heading, sizeof heading - 1, -1);
  const uint32_t shown = depth < GPUVM_BACKTRACE_FRAMES ? depth : GPUVM_BACKTRACE_FRAMES;
  for (uint32_t i = 0; i < shown; ++i) {
    const struct gpuvm_backtrace_frame *frame = &frames[(depth - 1 - i) % GPUVM_BACKTRACE_FRAMES];
    const char *call = frame->call;
    const char *parts[] = {" ", readable(frame->function), call ? " at " : "",
                           call ? readable(call) : "", 0};
    print_line("  #", i, parts);
  }
  if (depth > shown) {
    const char *parts[] = {" frames further out)", 0};
    print_line("  (and ", depth - shown, parts);
  }
}
