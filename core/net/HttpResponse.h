// The bytes of an HTTP/1.1 response as every loopscope server writes them, so that
// the event-loop and thread-per-request servers answer byte for byte alike.
#pragma once

#include <cstdint>
#include <string>

namespace loopscope {

// Status line, Content-Type, Content-Length, Connection, X-Request (the server's
// request number, so that the client can match its records to the server's; 0
// leaves the header out), then the body.
std::string encodeHttpResponse(int status, const std::string& body, bool keepAlive, std::uint64_t request);

// The X-Request header's name, as the client looks for it.
inline constexpr const char* kRequestNumberHeader = "X-Request";

}  // namespace loopscope
