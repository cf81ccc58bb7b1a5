#include "net/ControlSocket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace gpuvm::runtime::net {

namespace {

constexpr size_t kLargestRequest = 256;

bool makeAddress(const std::string &path, sockaddr_un &address) {
  address = sockaddr_un{};
  address.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof address.sun_path)
    return false;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  return true;
}

// A connected socket to `path`, or -1 with errno set.
int connectTo(const std::string &path) {
  sockaddr_un address;
  if (!makeAddress(path, address)) {
    errno = ENAMETOOLONG;
    return -1;
  }
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0) {
    int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

bool writeAll(int fd, const std::string &text) {
  for (size_t done = 0; done < text.size();) {
    ssize_t n = send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += size_t(n);
  }
  return true;
}

} // namespace

std::string defaultControlPath() {
  return std::string(kControlDirectory) + "/" + std::to_string(getpid()) + ".sock";
}

ControlServer::~ControlServer() {
  if (thread_.joinable()) {
    stopping_.store(true);
    thread_.join();
  }
  if (fd_ >= 0) {
    close(fd_);
    unlink(path_.c_str());
  }
}

std::string ControlServer::open(const std::string &path, Answer answer) {
  sockaddr_un address;
  if (!makeAddress(path, address))
    return "--control: '" + path + "' is too long for a unix socket path (at most " +
           std::to_string(sizeof address.sun_path - 1) + " bytes)";
  std::error_code ignored;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty())
    std::filesystem::create_directories(parent, ignored);
  int live = connectTo(path);
  if (live >= 0) {
    close(live);
    return "--control " + path + ": another gpuvm is listening there";
  }
  struct stat existing;
  if (lstat(path.c_str(), &existing) == 0) {
    if (!S_ISSOCK(existing.st_mode))
      return "--control " + path + ": exists and is not a socket";
    unlink(path.c_str()); // a stale socket from a run that died
  }
  fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0 ||
      listen(fd_, 16) < 0)
    return "--control " + path + ": " + std::strerror(errno);
  path_ = path;
  answer_ = std::move(answer);
  thread_ = std::thread([this] { run(); });
  return {};
}

void ControlServer::run() {
  while (!stopping_.load()) {
    pollfd listening{fd_, POLLIN, 0};
    if (poll(&listening, 1, 100) <= 0)
      continue;
    int client = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0)
      continue;
    // One line of request; a client that says nothing for a second is dropped.
    std::string request;
    char byte;
    pollfd reading{client, POLLIN, 0};
    while (request.size() < kLargestRequest && poll(&reading, 1, 1000) > 0 &&
           recv(client, &byte, 1, 0) == 1 && byte != '\n')
      request += byte;
    writeAll(client, answer_(request));
    close(client);
  }
}

std::string controlRequest(const std::string &path, const std::string &request,
                           std::string &reply) {
  std::string target = path;
  if (target.empty()) {
    std::vector<std::string> live;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(kControlDirectory, error))
      if (entry.path().extension() == ".sock")
        if (int fd = connectTo(entry.path()); fd >= 0) {
          close(fd);
          live.push_back(entry.path());
        }
    if (live.empty())
      return std::string("no running gpuvm has a control socket in ") + kControlDirectory +
             " (start one with gpuvm run --control, or name its socket with --control PATH)";
    if (live.size() > 1) {
      std::string list;
      for (const std::string &p : live)
        list += " " + p;
      return "several gpuvm runs are listening; name one with --control PATH:" + list;
    }
    target = live.front();
  }
  int fd = connectTo(target);
  if (fd < 0)
    return "cannot reach a gpuvm at " + target + ": " + std::strerror(errno);
  if (!writeAll(fd, request + "\n")) {
    close(fd);
    return "cannot send to " + target + ": " + std::strerror(errno);
  }
  char buffer[4096];
  ssize_t n;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0)
    reply.append(buffer, size_t(n));
  close(fd);
  if (n < 0)
    return "cannot read from " + target + ": " + std::strerror(errno);
  return {};
}

} // namespace gpuvm::runtime::net
