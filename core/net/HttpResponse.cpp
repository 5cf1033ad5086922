#include "HttpResponse.h"

#include <http_parser.h>

#include <cstring>

namespace loopscope {

std::string encodeHttpResponse(int status, const std::string& body, bool keepAlive, std::uint64_t request) {
    const char* reason = http_status_str(static_cast<http_status>(status));
    if (reason == nullptr || std::strcmp(reason, "<unknown>") == 0)
        reason = "Status";
    std::string bytes = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
    bytes += "Content-Type: text/plain\r\nContent-Length: ";
    bytes += std::to_string(body.size());
    bytes += keepAlive ? "\r\nConnection: keep-alive\r\n" : "\r\nConnection: close\r\n";
    if (request != 0) {
        bytes += kRequestNumberHeader;
        bytes += ": " + std::to_string(request) + "\r\n";
    }
    bytes += "\r\n";
    bytes += body;
    return bytes;
}

}  // namespace loopscope
