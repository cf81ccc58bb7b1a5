"""What http-pipeline.py and http-bad.py share: a connection to an HTTP
server and a reader of its responses."""
import socket


class Connection:
    def __init__(self, address, port, timeout=10):
        self.sock = socket.create_connection((address, port), timeout=timeout)
        self.buffer = b""

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise EOFError
        self.buffer += data

    def response(self, head_only=False):
        """(status, headers with lower-case names, body) of the next response."""
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
        length = 0 if head_only else int(headers["content-length"])
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, headers, body

    def closed(self):
        """Whether the server closes the connection (in 5 s) with nothing more."""
        self.sock.settimeout(5)
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    return not self.buffer
                self.buffer += data
        except (socket.timeout, ConnectionResetError):
            return False

    def close(self):
        self.sock.close()
