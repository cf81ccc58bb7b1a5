/* Zero-copy TCP for code written for speed: read received bytes where the
 * VM's stack keeps them, and write outgoing bytes straight into the send
 * buffer, instead of copying through recv()/send() buffers.
 *
 * Receiving:
 *
 *   const void *data;
 *   ssize_t n = gpuvm_zc_recv(fd, &data, 0);   // a view of n received bytes
 *   if (n > 0) {
 *     size_t used = parse(data, n);            // read them in place
 *     gpuvm_zc_recv_done(fd, used);            // release what was used
 *   }                                          // n == 0: end of stream
 *
 * Sending:
 *
 *   void *room;
 *   ssize_t n = gpuvm_zc_send_reserve(fd, &room, 512, 0);
 *   if (n > 0) {
 *     size_t len = format_reply(room, n);      // write at most n bytes
 *     gpuvm_zc_send_commit(fd, len);           // they go out now
 *   }
 *
 * The contract:
 * - TCP sockets that are connected (or were): anything else gives
 *   EOPNOTSUPP (a listening or UDP socket), ENOTSOCK or EBADF.
 * - A view is valid until the next call on that fd (of this API, recv,
 *   send, read, write, close...). One receive view and one send reservation
 *   may be open at once.
 * - gpuvm_zc_recv hands out the next contiguous run of received bytes,
 *   which may be less than everything received: after recv_done, call it
 *   again for the rest. It returns 0 at end of stream and -1 with errno
 *   (EAGAIN when nothing has arrived on a non-blocking socket or with
 *   MSG_DONTWAIT, ECONNRESET...). Bytes not released stay, and the next
 *   view starts with them; recv_done(fd, 0) releases the view alone.
 * - gpuvm_zc_send_reserve returns contiguous room of at least 1 and at most
 *   `wanted` bytes (wanted 0: as much as there is), -1 with errno (EAGAIN
 *   when the send buffer is full on a non-blocking socket or with
 *   MSG_DONTWAIT, EPIPE after the connection ended). Nothing is sent until
 *   gpuvm_zc_send_commit, with length at most the room reserved (EINVAL
 *   otherwise, or without a reservation); committing 0 cancels it.
 * - Both block, parking the VM (its network keeps running), unless the
 *   socket is non-blocking (O_NONBLOCK) or flags has MSG_DONTWAIT; SO_RCVTIMEO
 *   and SO_SNDTIMEO bound the wait (EAGAIN).
 * - The bytes are the VM's own: a view never shows another VM's memory.
 * Mixing with recv()/send() on the same socket is allowed between views. */
#ifndef __LIBC_GPU_GPUVM_ZEROCOPY_H
#define __LIBC_GPU_GPUVM_ZEROCOPY_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

__LIBC_BEGIN_DECLS

/* flags: 0 or MSG_DONTWAIT. */
ssize_t gpuvm_zc_recv(int fd, const void **data, int flags) __LIBC_NOEXCEPT;
int gpuvm_zc_recv_done(int fd, size_t consumed) __LIBC_NOEXCEPT;
ssize_t gpuvm_zc_send_reserve(int fd, void **data, size_t wanted, int flags) __LIBC_NOEXCEPT;
int gpuvm_zc_send_commit(int fd, size_t length) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
