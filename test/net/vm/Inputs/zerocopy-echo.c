/* An echo server over the zero-copy API (<gpuvm/zerocopy.h>): every byte it
 * echoes is read where the stack keeps it and written straight into the
 * send buffer, no recv()/send() copy. Of N VMs, VM k < N/2 serves one
 * connection; VM k + N/2 is its client (stream-client.c, ordinary sockets)
 * sending argv[2] bytes. argv[1] is the prefix. */
#include "net.h"

#include <gpuvm.h>
#include <gpuvm/zerocopy.h>
#include <unistd.h>

#define main stream_client_main
#include "stream-client.c"
#undef main

static int serve_zero_copy(void) {
  struct sockaddr_in6 any = vm_address("::", -1, 7);
  int listener = socket(AF_INET6, SOCK_STREAM, 0);
  if (listener < 0 || bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 4))
    DIE("listen");
  int fd = accept(listener, NULL, NULL);
  if (fd < 0)
    DIE("accept");
  unsigned long long echoed = 0, views = 0;
  for (;;) {
    const void *data;
    ssize_t n = gpuvm_zc_recv(fd, &data, 0);
    if (n < 0)
      DIE("gpuvm_zc_recv");
    if (n == 0)
      break;
    ++views;
    /* What the view shows must stay put while it is copied out piece by
     * piece, each piece into room reserved in the send buffer. */
    const unsigned char *from = data;
    size_t left = (size_t)n;
    while (left) {
      void *room;
      ssize_t got = gpuvm_zc_send_reserve(fd, &room, left, 0);
      if (got <= 0)
        DIE("gpuvm_zc_send_reserve");
      memcpy(room, from, (size_t)got);
      if (gpuvm_zc_send_commit(fd, (size_t)got))
        DIE("gpuvm_zc_send_commit");
      from += got;
      left -= (size_t)got;
    }
    if (gpuvm_zc_recv_done(fd, (size_t)n))
      DIE("gpuvm_zc_recv_done");
    echoed += (unsigned long long)n;
  }
  /* The API's errors: a listening socket has no stream to view. */
  const void *none;
  if (gpuvm_zc_recv(listener, &none, 0) != -1 || errno != EOPNOTSUPP)
    DIE("zero copy on a listener");
  if (gpuvm_zc_send_commit(fd, 1) != -1 || errno != EINVAL)
    DIE("a commit without a reservation");
  close(fd);
  printf("zero-copy echoed %llu bytes in %s\n", echoed, views > 1 ? "several views" : "one view");
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3)
    DIE("usage: zerocopy-echo PREFIX BYTES");
  unsigned half = gpuvm_vm_count() / 2, vm = gpuvm_vm_id();
  if (vm < half)
    return serve_zero_copy();
  char peer[16], seed[16];
  snprintf(peer, sizeof peer, "%u", vm - half);
  snprintf(seed, sizeof seed, "%u", vm);
  char *client[] = {argv[0], argv[1], "7", argv[2], seed, peer, NULL};
  return stream_client_main(6, client);
}
