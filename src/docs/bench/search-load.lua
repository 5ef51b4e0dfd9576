-- wrk script: GET /api/esco/search.
-- Without arguments: a mix of 50 realistic, partly misspelt skill and occupation searches, asked
-- over and over (what a busy search box sees; the server's result cache answers most of them).
-- With a file argument (wrk ... -s search-load.lua URL -- FILE): one query per line, each thread
-- walking the file from its own offset, so that nearly every request is new to every cache.
local queries = {
  "welding", "project management", "java programming", "customer service", "forklift",
  "nursing care", "data analysis", "wire drawer", "machne learning", "accounting",
  "teach mathematics", "cook", "truck driver", "solar panel installation", "cyber security",
  "manage staff", "plumbing", "electrical wiring", "social media marketing", "python",
  "carpentry", "hotel receptionist", "software developer", "clean rooms", "first aid",
  "negotiate contracts", "sales", "warehouse", "translate", "bookkeeping", "graphic design",
  "teamwork", "communicate with customers", "operate crane", "recycling", "green energy",
  "statistics", "legal advice", "childcare", "repair engines", "logistcs", "quality control",
  "health and safety", "budget", "interior design", "agriculture", "veterinary", "pharmacy",
  "machine operator", "digital literacy"
}

local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
end

local n = 0
init = function(args)
  if args[1] then
    queries = {}
    for line in io.lines(args[1]) do
      if #line > 0 then
        queries[#queries + 1] = line
      end
    end
    n = math.floor((id or 1) * #queries / 4)
  end
end

local function escape(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  n = n + 1
  local q = queries[(n % #queries) + 1]
  return wrk.format("GET", "/api/esco/search?q=" .. escape(q) .. "&lang=en&limit=20")
end

done = function(summary, latency, requests)
  io.write(string.format(
    "requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
