window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1049213867",
    "userName" : "mags_lamproom",
    "displayName" : "Mags Tregenna 🌊🔭"
  },
  "archiveInfo" : {
    "sizeBytes" : "411513",
    "generationDate" : "2023-07-04T09:12:40.118Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "tweets" : {
      "mediaDirectory" : "data/tweets_media",
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "330"
        }
      ]
    },
    "tweetsMedia" : {
      "mediaDirectory" : "data/tweets_media"
    }
  }
}
