window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "mags.tregenna@example.org",
      "createdVia" : "web",
      "username" : "mags_lamproom",
      "accountId" : "1049213867",
      "createdAt" : "2012-10-08T19:43:12.000Z",
      "accountDisplayName" : "Mags Tregenna 🌊🔭"
    }
  }
]
