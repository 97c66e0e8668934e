"""The presentation kit the report and the dashboard share: number formatting (`format`),
chart specifications (`charts`, built with the helpers of `chartkit`) and the offline Vega
bundle (`vendor`). It formats and draws what the results hold; it computes nothing, and it
imports neither the report nor the web."""
