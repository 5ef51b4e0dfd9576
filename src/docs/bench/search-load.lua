-- wrk script: GET /api/esco/search with a query drawn from realistic, partly misspelt skill and
-- occupation searches, so that the node's caches do not answer everything.
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
local n = 0
request = function()
  n = n + 1
  local q = queries[(n % #queries) + 1]
  q = string.gsub(q, " ", "%%20")
  return wrk.format("GET", "/api/esco/search?q=" .. q .. "&lang=en&limit=20")
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
